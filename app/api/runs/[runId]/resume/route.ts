import { route } from '../../../_lib/handle-route.ts';
import { resumeTrainingRun } from '@/lib/training-runs/resume-training-run.ts';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ runId: string }> };

// POST /api/runs/:id/resume (admin) → { run } queued again; it continues from its latest checkpoint
export const POST = route(async (_req, ctx: Ctx) => ({ run: await resumeTrainingRun((await ctx.params).runId) }), { role: 'admin' });
