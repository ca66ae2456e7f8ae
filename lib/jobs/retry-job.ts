import { AppError } from '../errors/app-error.ts';
import { getDb } from '../db/client.ts';
import { STOPPED_JOB_STATUSES } from './job-status.ts';
import { notifyJobsQueued } from './notify-jobs-queued.ts';

/** Queues a failed or cancelled job again with a fresh retry budget. */
export async function retryJob(jobId: string) {
  const db = getDb();
  const { count } = await db.job.updateMany({
    where: { id: jobId, status: { in: [...STOPPED_JOB_STATUSES] } },
    data: { status: 'queued', attempts: 0, runAt: new Date(), error: null, message: 'Queued again', progress: 0, cancelRequested: false, finishedAt: null },
  });
  if (count !== 1) throw new AppError('CONFLICT', 'Only failed or cancelled jobs can be retried.');
  await notifyJobsQueued();
  return db.job.findUniqueOrThrow({ where: { id: jobId } });
}
