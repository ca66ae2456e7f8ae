// Queues a realign-span job for the fragments between the anchors around one fragment, after checking that
// there is something to re-align. The job's result is a proposal (see realign-proposal.ts).
import { z } from 'zod';
import { AppError } from '../errors/app-error.ts';
import { getDb } from '../db/client.ts';
import { enqueueJob } from '../jobs/enqueue-job.ts';
import { realignSpanJob } from './realign-span-job.ts';
import { findAnchorRange, type AnchorRange } from './find-anchor-range.ts';

export const queueSpanRealignInput = z.object({ chapterId: z.string().min(1), fragmentId: z.string().min(1) });

export async function queueSpanRealign(input: z.input<typeof queueSpanRealignInput>): Promise<{ jobId: string; range: AnchorRange }> {
  const { chapterId, fragmentId } = queueSpanRealignInput.parse(input);
  const db = getDb();
  const chapter = await db.chapter.findUnique({
    where: { id: chapterId },
    select: {
      bookId: true,
      audioFile: { select: { pcmKey: true } },
      fragments: { orderBy: { position: 'asc' }, select: { id: true, begin: true, end: true, lockedBegin: true, lockedEnd: true } },
    },
  });
  if (!chapter) throw new AppError('NOT_FOUND', 'This chapter does not exist any more; go back to the book.', { chapterId });
  if (!chapter.audioFile.pcmKey) throw new AppError('INVALID_INPUT', 'The chapter audio is not ingested yet; wait for it, then try again.');
  const index = chapter.fragments.findIndex((f) => f.id === fragmentId);
  if (index < 0) throw new AppError('NOT_FOUND', 'This paragraph is not in this chapter any more; reload it.', { fragmentId });
  const range = findAnchorRange(chapter.fragments, index);
  if (!range) throw new AppError('INVALID_INPUT', 'Some paragraphs between these anchors have no times yet: align the chapter first.');
  if (!(range.end > range.begin)) throw new AppError('INVALID_INPUT', 'There is no audio between these anchors.');
  const job = await enqueueJob(realignSpanJob, { chapterId, fragmentId }, { bookId: chapter.bookId });
  return { jobId: job.id, range };
}
