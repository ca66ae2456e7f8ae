import { AppError } from '../errors/app-error.ts';
import { getDb } from '../db/client.ts';

/** Queued jobs are cancelled at once; running ones are asked to stop at their next heartbeat. */
export async function cancelJob(jobId: string) {
  const db = getDb();
  const job = await db.job.findUnique({ where: { id: jobId } });
  if (!job) throw new AppError('NOT_FOUND', `Job ${jobId} does not exist.`);
  if (job.status === 'queued') {
    await db.job.updateMany({
      where: { id: jobId, status: 'queued' },
      data: { status: 'cancelled', finishedAt: new Date(), message: 'Cancelled' },
    });
  } else if (job.status === 'running') {
    await db.job.update({ where: { id: jobId }, data: { cancelRequested: true, message: 'Cancelling…' } });
  }
  return db.job.findUniqueOrThrow({ where: { id: jobId } });
}
