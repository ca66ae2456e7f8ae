// The directory of a run's newest checkpoint (the final one for a finished run). No tfjs import: the app's
// routes use it.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../errors/app-error.ts';
import { getTrainingRunRow } from './get-training-run.ts';

export async function runCheckpointPath(runId: string): Promise<string> {
  const row = await getTrainingRunRow(runId);
  const names = row.checkpointDir ? (await readdir(row.checkpointDir).catch(() => [] as string[])).filter((n) => /^step-\d+$/.test(n)).sort() : [];
  if (!names.length) throw new AppError('NOT_FOUND', `Run ${runId} has no checkpoint yet: wait for its first checkpoint or for the run to finish.`);
  return path.join(row.checkpointDir!, names.at(-1)!);
}
