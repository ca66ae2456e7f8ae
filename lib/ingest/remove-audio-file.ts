import { AppError } from '../errors/app-error.ts';
import { getDb } from '../db/client.ts';
import { getStorage } from '../storage/storage.ts';
import { assertSplitNotAccepted, getBook } from './get-book.ts';
import { reproposeSplit } from './propose-book-split.ts';
import { storageKeys } from './storage-keys.ts';

export async function removeAudioFile(bookId: string, audioFileId: string) {
  const book = await getBook(bookId);
  assertSplitNotAccepted(book, 'remove audio files');
  const db = getDb();
  const audio = await db.audioFile.findFirst({ where: { id: audioFileId, bookId } });
  if (!audio) throw new AppError('NOT_FOUND', `Audio file ${audioFileId} is not part of this book.`);
  if (audio.status === 'ingesting') throw new AppError('CONFLICT', `${audio.originalName} is being ingested; cancel its job first.`);
  await db.job.updateMany({
    where: { bookId, status: 'queued', payload: JSON.stringify({ audioFileId }) },
    data: { status: 'cancelled', finishedAt: new Date(), message: 'Audio file removed' },
  });
  await db.audioFile.delete({ where: { id: audio.id } });
  const rest = await db.audioFile.findMany({ where: { bookId }, orderBy: { position: 'asc' }, select: { id: true } });
  await db.$transaction(rest.map((a, position) => db.audioFile.update({ where: { id: a.id }, data: { position } })));
  await getStorage().delete(storageKeys.audioDir(bookId, audio.id));
  await reproposeSplit(bookId);
}
