import { AppError } from '../errors/app-error.ts';
import { getDb } from '../db/client.ts';
import { enqueueJob } from '../jobs/enqueue-job.ts';
import { ACTIVE_JOB_STATUSES } from '../jobs/job-status.ts';
import { alignChapterJob } from './chapter-jobs.ts';

/** Queues an align job for each given chapter that has none queued or running. */
export async function queueChapterAlignment(chapterIds: string[]) {
  const db = getDb();
  const queued: string[] = [];
  for (const chapterId of chapterIds) {
    const chapter = await db.chapter.findUnique({ where: { id: chapterId } });
    if (!chapter) throw new AppError('NOT_FOUND', `Chapter ${chapterId} does not exist.`);
    const payload = JSON.stringify({ chapterId });
    const active = await db.job.count({ where: { type: alignChapterJob.name, payload, status: { in: [...ACTIVE_JOB_STATUSES] } } });
    if (active > 0) continue;
    await enqueueJob(alignChapterJob, { chapterId }, { bookId: chapter.bookId });
    await db.chapter.update({ where: { id: chapterId }, data: { alignStatus: 'pending', alignError: null } });
    queued.push(chapterId);
  }
  return queued;
}
