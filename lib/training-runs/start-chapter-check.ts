import { z } from 'zod';
import { AppError } from '../errors/app-error.ts';
import { getDb } from '../db/client.ts';
import { enqueueJob } from '../jobs/enqueue-job.ts';
import { runCheckpointPath } from './run-checkpoint-path.ts';
import { getTrainingRunRow } from './get-training-run.ts';
import { isDone } from '../jobs/job-status.ts';
import { checkChapterJob } from './training-jobs.ts';

export const startChapterCheckInput = z.object({ runId: z.string().min(1), threshold: z.coerce.number().min(0).max(10).optional() });

export type ChapterCheckView = { jobId: string; status: string; progress: number; message: string | null; error: string | null; runId: string; threshold: number; result: unknown };

/** Queues a check-chapter job for a finished run (succeeded, or stopped with a checkpoint). */
export async function startChapterCheck(chapterId: string, input: z.input<typeof startChapterCheckInput>): Promise<ChapterCheckView> {
  const { runId, threshold } = startChapterCheckInput.parse(input);
  const db = getDb();
  const chapter = await db.chapter.findUnique({ where: { id: chapterId }, select: { id: true, bookId: true } });
  if (!chapter) throw new AppError('NOT_FOUND', `Chapter ${chapterId} does not exist.`);
  const run = await getTrainingRunRow(runId);
  if (!isDone(run)) {
    throw new AppError('CONFLICT', `Run ${runId} is ${run.status}; check with a finished run.`);
  }
  await runCheckpointPath(runId);
  const job = await enqueueJob(checkChapterJob, { chapterId, runId, threshold: threshold ?? 0.5 });
  return toView(job);
}

/** The chapter's newest check-chapter job, or null. */
export async function getChapterCheck(chapterId: string): Promise<ChapterCheckView | null> {
  const job = await getDb().job.findFirst({
    where: { type: checkChapterJob.name, payload: { contains: JSON.stringify(chapterId) } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
  });
  return job ? toView(job) : null;
}

function toView(job: { id: string; status: string; progress: number; message: string | null; error: string | null; payload: string; result: string | null }): ChapterCheckView {
  const p = JSON.parse(job.payload) as { runId: string; threshold: number };
  return { jobId: job.id, status: job.status, progress: job.progress, message: job.message, error: job.error, runId: p.runId, threshold: p.threshold, result: job.result ? JSON.parse(job.result) : null };
}
