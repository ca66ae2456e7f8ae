import { AppError } from '../errors/app-error.ts';
import { getDb } from '../db/client.ts';
import { moveSplitBoundary as moveBoundary } from '../text/propose-split.ts';
import { getBook } from './get-book.ts';
import { readParsedEbook } from './read-parsed-ebook.ts';

/** Moves the start of part `partIndex` to paragraph `newStart` in the proposed split. */
export async function moveSplitBoundary(bookId: string, partIndex: number, newStart: number) {
  const book = await getBook(bookId);
  if (book.splitStatus !== 'proposed' || !book.splitStarts) {
    throw new AppError('CONFLICT', `"${book.title}" has no proposed split to adjust.`);
  }
  const parsed = await readParsedEbook(bookId);
  const starts = moveBoundary(JSON.parse(book.splitStarts) as number[], partIndex, newStart, parsed.paragraphs.length);
  const { count } = await getDb().book.updateMany({
    where: { id: bookId, splitStatus: 'proposed', splitStarts: book.splitStarts },
    data: { splitStarts: JSON.stringify(starts) },
  });
  if (count !== 1) throw new AppError('CONFLICT', 'The split changed meanwhile; reload and try again.');
  return starts;
}
