import { readBody, route } from '../../../_lib/handle-route.ts';
import { startTrainingRun } from '@/lib/training-runs/start-training-run.ts';
import { trainingSettingsSchema } from '@/lib/training-runs/training-settings.ts';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ exportId: string }> };

// POST /api/exports/:id/train (admin) { steps?, backend?, batchSize?, lr?, model? } → { run } (queued)
export const POST = route(async (req, ctx: Ctx) => ({ run: await startTrainingRun((await ctx.params).exportId, await readBody(req, trainingSettingsSchema)) }), { role: 'admin' });
