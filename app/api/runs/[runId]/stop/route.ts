import { route } from '../../../_lib/handle-route.ts';
import { stopTrainingRun } from '@/lib/training-runs/stop-training-run.ts';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ runId: string }> };

// POST /api/runs/:id/stop (admin) → { run } (cancelled at once when queued; a running one stops with a final checkpoint)
export const POST = route(async (_req, ctx: Ctx) => ({ run: await stopTrainingRun((await ctx.params).runId) }), { role: 'admin' });
