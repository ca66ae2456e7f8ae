// The book page's "Align all chapters": queues every chapter of the book (those already queued or running are
// left alone). An unknown book is NOT_FOUND, not an empty queue.
import { AppError } from '../errors/app-error.ts';
import { getDb } from '../db/client.ts';
import { queueChapterAlignment } from './queue-chapter-alignment.ts';

/** The ids of the chapters queued now. */
export async function queueBookAlignment(bookId: string): Promise<string[]> {
  const book = await getDb().book.findUnique({ where: { id: bookId }, select: { chapters: { select: { id: true }, orderBy: { position: 'asc' } } } });
  if (!book) throw new AppError('NOT_FOUND', `Book ${bookId} does not exist.`);
  return queueChapterAlignment(book.chapters.map((c) => c.id));
}
