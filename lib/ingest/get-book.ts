import { AppError } from '../errors/app-error.ts';
import { getDb } from '../db/client.ts';

export async function getBook(bookId: string) {
  const book = await getDb().book.findUnique({ where: { id: bookId } });
  if (!book) throw new AppError('NOT_FOUND', `Book ${bookId} does not exist.`);
  return book;
}

export function assertSplitNotAccepted(book: { splitStatus: string; title: string }, action: string): void {
  if (book.splitStatus === 'accepted') {
    throw new AppError(
      'CONFLICT',
      `"${book.title}" is already split into chapters, so you cannot ${action}. Create a new book instead.`,
    );
  }
}
