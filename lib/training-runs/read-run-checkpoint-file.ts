// One file of a run's checkpoint for the browser's "Try it": the newest checkpoint, or the one at `step` so that a
// client reads manifest.json and weights.bin from the same checkpoint even when the run writes a newer one between.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../errors/app-error.ts';
import { runCheckpointPath } from './run-checkpoint-path.ts';

const TYPES = { 'manifest.json': 'application/json', 'weights.bin': 'application/octet-stream' } as const;

export const readRunCheckpointFileInput = z.object({
  runId: z.string().min(1),
  file: z.string(),
  step: z
    .string()
    .regex(/^\d{1,8}$/, 'step must be a checkpoint step number')
    .optional(),
});

export type RunCheckpointFile = { bytes: Uint8Array<ArrayBuffer>; contentType: string; step: number };

export async function readRunCheckpointFile(input: z.infer<typeof readRunCheckpointFileInput>): Promise<RunCheckpointFile> {
  const { runId, file, step } = input;
  const contentType = TYPES[file as keyof typeof TYPES];
  if (!contentType) throw new AppError('NOT_FOUND', `A checkpoint has manifest.json and weights.bin, not "${file}".`);
  const latest = await runCheckpointPath(runId);
  const dir = step === undefined ? latest : path.join(path.dirname(latest), `step-${step.padStart(8, '0')}`);
  const full = path.join(dir, file);
  await stat(full).catch(() => {
    throw new AppError('NOT_FOUND', `Run ${runId} has no checkpoint at step ${step}.`);
  });
  return { bytes: new Uint8Array(await readFile(full)), contentType, step: Number(path.basename(dir).slice(5)) };
}
