import { route, readJson } from '../_lib/handle-route.ts';
import { createProject } from '@/lib/ingest/create-project.ts';
import { listProjects } from '@/lib/ingest/list-projects.ts';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = route(async () => ({ projects: await listProjects() }));
export const POST = route(async (req) => ({ project: await createProject((await readJson(req)) as never) }), { role: 'admin' });
