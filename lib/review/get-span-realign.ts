// A realign-span job as the editor polls it: its state and, once it succeeded, the proposal.
import { z } from 'zod';
import { AppError } from '../errors/app-error.ts';
import { getDb } from '../db/client.ts';
import { realignSpanJob } from './realign-span-job.ts';
import { realignProposal, type RealignProposal } from './realign-proposal.ts';

export type SpanRealignState = {
  jobId: string;
  status: string;
  progress: number;
  message: string | null;
  error: string | null;
  proposal: RealignProposal | null;
};

export async function loadRealignJob(jobId: string, chapterId: string) {
  const job = await getDb().job.findUnique({ where: { id: jobId } });
  if (!job || job.type !== realignSpanJob.name) throw new AppError('NOT_FOUND', 'This re-alignment does not exist; start it again.', { jobId });
  const payload = realignSpanJob.schema.parse(JSON.parse(job.payload));
  if (payload.chapterId !== chapterId) throw new AppError('NOT_FOUND', 'This re-alignment belongs to another chapter.', { jobId });
  return job;
}

export const getSpanRealignInput = z.object({ chapterId: z.string().min(1), jobId: z.string().min(1) });

export async function getSpanRealign(input: z.infer<typeof getSpanRealignInput>): Promise<SpanRealignState> {
  const job = await loadRealignJob(input.jobId, input.chapterId);
  return {
    jobId: job.id,
    status: job.status,
    progress: job.progress,
    message: job.message,
    error: job.status === 'failed' ? job.error : null,
    proposal: job.status === 'succeeded' && job.result ? realignProposal.parse(JSON.parse(job.result)) : null,
  };
}
