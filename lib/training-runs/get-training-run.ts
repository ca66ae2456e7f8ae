import { AppError } from '../errors/app-error.ts';
import { getDb } from '../db/client.ts';
import { toTrainingRunView, type TrainingRunView } from './training-run-view.ts';

export async function getTrainingRunRow(runId: string) {
  const row = await getDb().trainingRun.findUnique({ where: { id: runId } });
  if (!row) throw new AppError('NOT_FOUND', `Training run ${runId} does not exist (it may have been deleted with its export).`);
  return row;
}

export async function getTrainingRun(runId: string): Promise<TrainingRunView> {
  return toTrainingRunView(await getTrainingRunRow(runId));
}
