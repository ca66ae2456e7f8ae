import { route, readBody } from '../../../_lib/handle-route.ts';
import { exportSettingsSchema } from '@/lib/export/export-settings.ts';
import { listExports } from '@/lib/export/list-exports.ts';
import { startExport } from '@/lib/export/start-export.ts';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ projectId: string }> };

// GET /api/projects/:id/exports → { exports }
export const GET = route(async (_req, ctx: Ctx) => ({ exports: await listExports((await ctx.params).projectId) }), { role: 'admin' });

// POST /api/projects/:id/exports  body: export settings (without projectId) → { export } (queued)
export const POST = route(async (req, ctx: Ctx) => {
  const { projectId } = await ctx.params;
  return { export: await startExport(await readBody(req, exportSettingsSchema, { projectId })) };
}, { role: 'admin' });
