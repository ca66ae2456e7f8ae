// The split editor's moves on a proposed split: a part's first paragraph (part 1's too: front matter left out),
// or the last part's last paragraph (back matter left out).
import { AppError } from '../errors/app-error.ts';
import { getDb } from '../db/client.ts';
import { moveSplitBoundary as moveBoundary, moveSplitEnd as moveEnd } from '../text/propose-split.ts';
import { getBook } from './get-book.ts';
import { readParsedEbook } from './read-parsed-ebook.ts';
import { parseBookSplit, stringifyBookSplit, type BookSplit } from './book-split.ts';

async function changeSplit(bookId: string, change: (split: BookSplit, paragraphCount: number) => BookSplit): Promise<BookSplit> {
  const book = await getBook(bookId);
  if (book.splitStatus !== 'proposed' || !book.splitStarts) {
    throw new AppError('CONFLICT', `"${book.title}" has no proposed split to adjust.`);
  }
  const parsed = await readParsedEbook(bookId);
  const next = change(parseBookSplit(book.splitStarts, parsed.paragraphs.length), parsed.paragraphs.length);
  const { count } = await getDb().book.updateMany({
    where: { id: bookId, splitStatus: 'proposed', splitStarts: book.splitStarts },
    data: { splitStarts: stringifyBookSplit(next) },
  });
  if (count !== 1) throw new AppError('CONFLICT', 'The split changed meanwhile; reload and try again.');
  return next;
}

/** Moves the start of part `partIndex` (0: the first part) to paragraph `newStart` in the proposed split. */
export async function moveSplitBoundary(bookId: string, partIndex: number, newStart: number): Promise<BookSplit> {
  return changeSplit(bookId, (s, count) => ({ ...s, starts: moveBoundary(s.starts, partIndex, newStart, count, s.end) }));
}

/** Ends the last part at paragraph `lastParagraph` (0-based, inclusive); the paragraphs after it are left out. */
export async function moveSplitEnd(bookId: string, lastParagraph: number): Promise<BookSplit> {
  return changeSplit(bookId, (s, count) => ({ ...s, end: moveEnd(s.starts, lastParagraph, count, s.end) }));
}
