import { z } from 'zod';
import { AppError } from '../errors/app-error.ts';
import { getDb } from '../db/client.ts';
import { enqueueJob } from '../jobs/enqueue-job.ts';
import { hasRole } from '../auth/roles.ts';
import { runCheckpoint } from './run-checkpoint.ts';
import { getTrainingRunRow } from './get-training-run.ts';
import { isDone } from '../jobs/job-status.ts';
import { checkReadiness, MAX_CHECK_DEV_CER } from './check-readiness.ts';
import { checkChapterJob } from './training-jobs.ts';

export const startChapterCheckInput = z.object({
  runId: z.string().min(1),
  threshold: z.coerce.number().min(0).max(10).optional(),
  /** An admin's "check anyway" with a run that checkReadiness refuses (its flags are then mostly noise). */
  force: z.boolean().optional(),
});

export type ChapterCheckView = {
  jobId: string;
  status: string;
  progress: number;
  message: string | null;
  error: string | null;
  runId: string;
  threshold: number;
  /** Why checkReadiness refused the run, when an admin checked anyway. */
  overridden: string | null;
  result: unknown;
};

/**
 * Queues a check-chapter job for a finished run (succeeded, or stopped with a checkpoint) whose dev CER lets it
 * judge alignments (check-readiness.ts): otherwise a CONFLICT that names the run, its dev CER and the limit,
 * unless an admin forces it.
 */
export async function startChapterCheck(chapterId: string, input: z.input<typeof startChapterCheckInput>, actor: { role?: string | null } = { role: 'reviewer' }): Promise<ChapterCheckView> {
  const { runId, threshold = 0.5, force = false } = startChapterCheckInput.parse(input);
  const db = getDb();
  const chapter = await db.chapter.findUnique({ where: { id: chapterId }, select: { id: true, bookId: true } });
  if (!chapter) throw new AppError('NOT_FOUND', `Chapter ${chapterId} does not exist.`);
  const run = await getTrainingRunRow(runId);
  if (!isDone(run)) {
    throw new AppError('CONFLICT', `Run ${runId} is ${run.status}; check with a finished run.`);
  }
  await runCheckpoint(run);
  const ready = checkReadiness(run, threshold);
  if (!ready.ok) {
    if (!force) throw new AppError('CONFLICT', ready.message, { reason: ready.reason, runId, devCer: run.devCer, maxDevCer: MAX_CHECK_DEV_CER, threshold });
    if (!hasRole(actor.role, 'admin')) throw new AppError('FORBIDDEN', `Only an admin may check anyway with run ${runId}: ${ready.message}`);
  }
  const job = await enqueueJob(checkChapterJob, { chapterId, runId, threshold, ...(ready.ok ? {} : { overridden: ready.message }) });
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
  const p = JSON.parse(job.payload) as { runId: string; threshold: number; overridden?: string };
  return {
    jobId: job.id,
    status: job.status,
    progress: job.progress,
    message: job.message,
    error: job.error,
    runId: p.runId,
    threshold: p.threshold,
    overridden: p.overridden ?? null,
    result: job.result ? JSON.parse(job.result) : null,
  };
}
