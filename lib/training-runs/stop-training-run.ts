import { getDb } from '../db/client.ts';
import { cancelRowJob } from '../jobs/cancel-row-job.ts';
import { getTrainingRun, getTrainingRunRow } from './get-training-run.ts';
import type { TrainingRunView } from './training-run-view.ts';

/**
 * A queued run is cancelled at once; a running one stops at its next heartbeat: the training loop writes a final
 * checkpoint, so the model trained so far can still be used.
 */
export async function stopTrainingRun(runId: string): Promise<TrainingRunView> {
  await cancelRowJob(await getTrainingRunRow(runId), {
    noun: 'run',
    verb: 'stopped',
    markCancelled: (u) => getDb().trainingRun.updateMany({ where: { id: runId, ...u.where }, data: u.data }),
  });
  return getTrainingRun(runId);
}
