import { route } from '../../_lib/handle-route.ts';
import { getTrainingRun } from '@/lib/training-runs/get-training-run.ts';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ runId: string }> };

// GET /api/runs/:id → { run } (status, step, loss curve, dev/test CER, throughput, ETA)
export const GET = route(async (_req, ctx: Ctx) => ({ run: await getTrainingRun((await ctx.params).runId) }));
