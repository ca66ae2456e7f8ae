import { AppError } from '../errors/app-error.ts';
import { getDb } from '../db/client.ts';
import { assertSplitNotAccepted, getBook } from './get-book.ts';
import { reproposeSplit } from './propose-book-split.ts';

/** Sets the order of a book's audio files (ids in the new order; all of them, each once). */
export async function reorderAudioFiles(bookId: string, orderedIds: string[]) {
  const book = await getBook(bookId);
  assertSplitNotAccepted(book, 'reorder its audio files');
  const db = getDb();
  const current = await db.audioFile.findMany({ where: { bookId }, select: { id: true } });
  const known = new Set(current.map((a) => a.id));
  if (orderedIds.length !== known.size || new Set(orderedIds).size !== orderedIds.length || !orderedIds.every((id) => known.has(id))) {
    throw new AppError('INVALID_INPUT', 'The new order must list every audio file of the book exactly once.');
  }
  await db.$transaction(orderedIds.map((id, position) => db.audioFile.update({ where: { id }, data: { position } })));
  await reproposeSplit(bookId);
}

/** Moves one audio file up (-1) or down (+1). */
export async function moveAudioFile(bookId: string, audioFileId: string, delta: -1 | 1) {
  const files = await getDb().audioFile.findMany({ where: { bookId }, orderBy: { position: 'asc' }, select: { id: true } });
  const ids = files.map((f) => f.id);
  const i = ids.indexOf(audioFileId);
  if (i < 0) throw new AppError('NOT_FOUND', `Audio file ${audioFileId} is not part of this book.`);
  const j = i + delta;
  if (j < 0 || j >= ids.length) return;
  [ids[i], ids[j]] = [ids[j]!, ids[i]!];
  await reorderAudioFiles(bookId, ids);
}
