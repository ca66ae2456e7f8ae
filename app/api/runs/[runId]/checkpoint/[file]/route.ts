import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '@/lib/errors/app-error.ts';
import { runCheckpointPath } from '@/lib/training-runs/run-checkpoint-path.ts';
import { route } from '../../../../_lib/handle-route.ts';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ runId: string; file: string }> };

const TYPES: Record<string, string> = { 'manifest.json': 'application/json', 'weights.bin': 'application/octet-stream' };

// GET /api/runs/:id/checkpoint/{manifest.json|weights.bin} → the run's newest checkpoint (the browser's "Try it").
// The step is in the x-checkpoint-step header; ?step=N asks for that checkpoint, so that a client reads both files
// from the same one even when the run writes a newer checkpoint in between.
export const GET = route(async (req, ctx: Ctx) => {
  const { runId, file } = await ctx.params;
  const type = TYPES[file];
  if (!type) throw new AppError('NOT_FOUND', `A checkpoint has manifest.json and weights.bin, not "${file}".`);
  const latest = await runCheckpointPath(runId);
  const step = new URL(req.url).searchParams.get('step');
  if (step !== null && !/^\d{1,8}$/.test(step)) throw new AppError('INVALID_INPUT', `step must be a checkpoint step number, got "${step}".`);
  const dir = step === null ? latest : path.join(path.dirname(latest), `step-${step.padStart(8, '0')}`);
  const full = path.join(dir, file);
  const { size } = await stat(full).catch(() => {
    throw new AppError('NOT_FOUND', `Run ${runId} has no checkpoint at step ${step}.`);
  });
  return new Response(new Uint8Array(await readFile(full)), {
    headers: { 'content-type': type, 'content-length': String(size), 'cache-control': 'no-store', 'x-checkpoint-step': String(Number(path.basename(dir).slice(5))) },
  });
});
