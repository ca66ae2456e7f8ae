// Deletes a book that holds nothing yet: no audio file, no ebook, no chapter. The new-book form calls it when
// every file of the first upload was refused, so a failed upload leaves no empty book behind. A book with
// anything in it is refused (CONFLICT): deleting real work is not what this is for.
import { AppError } from '../errors/app-error.ts';
import { getDb } from '../db/client.ts';
import { getStorage } from '../storage/storage.ts';
import { getBook } from './get-book.ts';

export async function deleteEmptyBook(bookId: string): Promise<{ deleted: string }> {
  const book = await getBook(bookId);
  const db = getDb();
  const [audioFiles, chapters] = await Promise.all([db.audioFile.count({ where: { bookId } }), db.chapter.count({ where: { bookId } })]);
  if (audioFiles > 0 || chapters > 0 || book.ebookName !== null) {
    throw new AppError('CONFLICT', `"${book.title}" already holds files, so it is not deleted here. Remove its files on the book page first.`);
  }
  await db.book.delete({ where: { id: bookId } });
  await getStorage().delete(`books/${bookId}`);
  return { deleted: bookId };
}
