import { route } from '../../../_lib/handle-route.ts';
import { verifyExport } from '@/lib/export/verify-export.ts';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// POST /api/exports/:id/verify → { report: { ok, shards, examples, problems, seconds } }
export const POST = route(async (req, ctx: { params: Promise<{ exportId: string }> }) => ({
  report: await verifyExport((await ctx.params).exportId, { signal: req.signal }),
}), { role: 'admin' });
