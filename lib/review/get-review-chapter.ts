// Everything the review editor loads for one chapter: its audio (id, duration), head/tail and every fragment as
// the review use cases return them. Used by the editor page and GET /api/chapters/:id/fragments.
import { AppError } from '../errors/app-error.ts';
import { getDb } from '../db/client.ts';
import type { ChapterAlignStatus } from '../chapter-alignment/chapter-align-status.ts';
import { fragmentView, type FragmentView } from './fragment-view.ts';

export type ReviewChapter = {
  id: string;
  bookId: string;
  bookTitle: string;
  position: number;
  title: string | null;
  language: string;
  alignStatus: ChapterAlignStatus;
  audioFileId: string;
  audioName: string;
  /** Seconds; null until ingest has measured it. */
  durationSec: number | null;
  headSec: number | null;
  tailSec: number | null;
  fragments: FragmentView[];
};

export async function getReviewChapter(chapterId: string): Promise<ReviewChapter> {
  const chapter = await getDb().chapter.findUnique({
    where: { id: chapterId },
    include: {
      book: { select: { title: true, language: true } },
      audioFile: { select: { id: true, originalName: true, durationSec: true } },
      fragments: { orderBy: { position: 'asc' } },
    },
  });
  if (!chapter) throw new AppError('NOT_FOUND', 'This chapter does not exist any more; go back to the book.', { chapterId });
  return {
    id: chapter.id,
    bookId: chapter.bookId,
    bookTitle: chapter.book.title,
    position: chapter.position,
    title: chapter.title,
    language: chapter.book.language,
    alignStatus: chapter.alignStatus as ChapterAlignStatus,
    audioFileId: chapter.audioFile.id,
    audioName: chapter.audioFile.originalName,
    durationSec: chapter.audioFile.durationSec,
    headSec: chapter.headSec,
    tailSec: chapter.tailSec,
    fragments: chapter.fragments.map(fragmentView),
  };
}
