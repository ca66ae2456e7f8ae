import { AppError } from '../errors/app-error.ts';
import { getDb } from '../db/client.ts';
import { retryJob } from '../jobs/retry-job.ts';
import { isStopped } from '../jobs/job-status.ts';
import { getTrainingRun, getTrainingRunRow } from './get-training-run.ts';
import type { TrainingRunView } from './training-run-view.ts';

/**
 * Continues a stopped (cancelled) or failed run: its job is queued again and, as after a crash, starts from the
 * run's latest checkpoint (run-training-run.ts), keeping its metrics.
 */
export async function resumeTrainingRun(runId: string): Promise<TrainingRunView> {
  const row = await getTrainingRunRow(runId);
  if (!isStopped(row)) {
    throw new AppError('CONFLICT', `The run is ${row.status}; only a stopped or failed run can be resumed.`);
  }
  if (!row.jobId) throw new AppError('CONFLICT', 'This run has no job to resume; start a new run instead.');
  await retryJob(row.jobId);
  await getDb().trainingRun.update({ where: { id: runId }, data: { status: 'queued', error: null, finishedAt: null } });
  return getTrainingRun(runId);
}
