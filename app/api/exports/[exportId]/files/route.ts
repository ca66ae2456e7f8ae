import { route } from '../../../_lib/handle-route.ts';
import { listExportFiles } from '@/lib/export/export-files.ts';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// GET /api/exports/:id/files → { files: [{ path, bytes }] }
export const GET = route(async (_req, ctx: { params: Promise<{ exportId: string }> }) => ({
  files: await listExportFiles((await ctx.params).exportId),
}), { role: 'admin' });
