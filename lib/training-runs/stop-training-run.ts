import { AppError } from '../errors/app-error.ts';
import { getDb } from '../db/client.ts';
import { cancelJob } from '../jobs/cancel-job.ts';
import { getTrainingRun, getTrainingRunRow } from './get-training-run.ts';
import type { TrainingRunView } from './training-run-view.ts';

/**
 * A queued run is cancelled at once; a running one stops at its next heartbeat: the training loop writes a final
 * checkpoint, so the model trained so far can still be used.
 */
export async function stopTrainingRun(runId: string): Promise<TrainingRunView> {
  const row = await getTrainingRunRow(runId);
  if (row.status !== 'queued' && row.status !== 'running') {
    throw new AppError('CONFLICT', `The run is ${row.status}; only a queued or running run can be stopped.`);
  }
  if (row.jobId) {
    const job = await cancelJob(row.jobId);
    if (job.status === 'cancelled') {
      await getDb().trainingRun.updateMany({ where: { id: runId, status: { in: ['queued', 'running'] } }, data: { status: 'cancelled', finishedAt: new Date() } });
    }
  }
  return getTrainingRun(runId);
}
