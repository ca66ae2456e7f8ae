// The model of a training run (server side): its newest checkpoint — the final one for a finished run.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../errors/app-error.ts';
import { runCheckpointPath } from './run-checkpoint-path.ts';
import { modelFromCheckpoint, type CheckpointManifestJson, type LoadedModel } from './model-from-checkpoint.ts';

/** Loads a checkpoint directory's model on the active tfjs backend (the caller disposes the model). */
export async function loadModelDir(dir: string): Promise<LoadedModel> {
  try {
    const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as CheckpointManifestJson;
    return modelFromCheckpoint(manifest, await readFile(path.join(dir, 'weights.bin')));
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') throw new AppError('NOT_FOUND', `No checkpoint in "${dir}".`);
    if (err instanceof AppError) throw err;
    throw new AppError('INVALID_INPUT', `"${dir}" is not a usable checkpoint: ${(err as Error).message}`);
  }
}

export async function loadRunModel(runId: string): Promise<LoadedModel & { checkpoint: string }> {
  const dir = await runCheckpointPath(runId);
  return { ...(await loadModelDir(dir)), checkpoint: dir };
}
