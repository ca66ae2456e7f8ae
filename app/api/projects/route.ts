import { route, readBody } from '../_lib/handle-route.ts';
import { createProject, createProjectInput } from '@/lib/ingest/create-project.ts';
import { listProjects } from '@/lib/ingest/list-projects.ts';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = route(async () => ({ projects: await listProjects() }));
// POST /api/projects { name, language? } → { project }
export const POST = route(async (req) => ({ project: await createProject(await readBody(req, createProjectInput)) }), { role: 'admin' });
