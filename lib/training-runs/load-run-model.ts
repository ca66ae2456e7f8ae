// The model of a training run (server side): its newest checkpoint — the final one for a finished run — read from
// storage (or, for an older run, from its local folder).
import { AppError } from '../errors/app-error.ts';
import { getTrainingRunRow } from './get-training-run.ts';
import { modelFromCheckpoint, type CheckpointManifestJson, type LoadedModel } from './model-from-checkpoint.ts';
import { runCheckpoint, type RunCheckpoint } from './run-checkpoint.ts';

/** Builds a checkpoint's model on the active tfjs backend (the caller disposes the model). */
export async function loadCheckpointModel(checkpoint: RunCheckpoint): Promise<LoadedModel> {
  const [manifest, weights] = await Promise.all([checkpoint.read('manifest.json'), checkpoint.read('weights.bin')]);
  try {
    return modelFromCheckpoint(JSON.parse(manifest.toString('utf8')) as CheckpointManifestJson, weights);
  } catch (err) {
    throw new AppError('INVALID_INPUT', `"${checkpoint.location}" is not a usable checkpoint: ${(err as Error).message}`);
  }
}

export async function loadRunModel(runId: string): Promise<LoadedModel & { checkpoint: string }> {
  const checkpoint = await runCheckpoint(await getTrainingRunRow(runId));
  return { ...(await loadCheckpointModel(checkpoint)), checkpoint: checkpoint.location };
}
