// One file of a run's checkpoint for the browser's "Try it": the newest checkpoint, or the one at `step` so that a
// client reads manifest.json and weights.bin from the same checkpoint even when the run writes a newer one between.
import { z } from 'zod';
import { AppError } from '../errors/app-error.ts';
import { getTrainingRunRow } from './get-training-run.ts';
import { runCheckpoint, type CheckpointFile } from './run-checkpoint.ts';

const TYPES: Record<CheckpointFile, string> = { 'manifest.json': 'application/json', 'weights.bin': 'application/octet-stream' };

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
  if (!Object.hasOwn(TYPES, file)) throw new AppError('NOT_FOUND', `A checkpoint has manifest.json and weights.bin, not "${file}".`);
  const checkpoint = await runCheckpoint(await getTrainingRunRow(runId), step === undefined ? undefined : Number(step));
  return { bytes: new Uint8Array(await checkpoint.read(file as CheckpointFile)), contentType: TYPES[file as CheckpointFile], step: checkpoint.step };
}
