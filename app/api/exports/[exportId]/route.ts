import { route } from '../../_lib/handle-route.ts';
import { deleteExport } from '@/lib/export/delete-export.ts';
import { getExport } from '@/lib/export/get-export.ts';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ exportId: string }> };

// GET /api/exports/:id → { export } (status, progress, message, stats)
export const GET = route(async (_req, ctx: Ctx) => ({ export: await getExport((await ctx.params).exportId) }), { role: 'admin' });

// DELETE /api/exports/:id → removes its files and row
export const DELETE = route(async (_req, ctx: Ctx) => {
  await deleteExport((await ctx.params).exportId);
  return { ok: true };
}, { role: 'admin' });
