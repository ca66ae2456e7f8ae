// Proposes how the ebook splits into as many parts as the book has (ready) audio files, once both sides are
// ingested. Audio durations weight the parts, so a long recording gets a long stretch of text.
import { AppError } from '../errors/app-error.ts';
import { getDb } from '../db/client.ts';
import { isAudioPending } from './audio-file-status.ts';
import { proposeSplit } from '../text/propose-split.ts';
import { readParsedEbook } from './read-parsed-ebook.ts';
import { stringifyBookSplit } from './book-split.ts';

async function readyAudio(bookId: string) {
  return getDb().audioFile.findMany({ where: { bookId }, orderBy: { position: 'asc' } });
}

/** Proposes a split when the ebook and every audio file are ingested and none is proposed yet. */
export async function maybeProposeSplit(bookId: string): Promise<boolean> {
  const db = getDb();
  const book = await db.book.findUnique({ where: { id: bookId } });
  if (!book || book.ebookStatus !== 'ready' || book.splitStatus !== 'none') return false;
  const audio = await readyAudio(bookId);
  if (audio.length === 0 || audio.some(isAudioPending)) return false;
  const ready = audio.filter((a) => a.status === 'ready');
  if (ready.length === 0) return false;
  const parsed = await readParsedEbook(bookId);
  let starts: number[];
  try {
    starts = proposeSplit(parsed.paragraphs, ready.length, { weights: ready.map((a) => a.durationSec ?? 1) });
  } catch (e) {
    await db.book.update({ where: { id: bookId }, data: { ebookError: (e as Error).message } });
    return false;
  }
  const { count } = await db.book.updateMany({
    where: { id: bookId, splitStatus: 'none' },
    data: { splitStatus: 'proposed', splitStarts: stringifyBookSplit({ starts, end: parsed.paragraphs.length }) },
  });
  return count === 1;
}

/** Drops the current proposal and proposes again (after a reorder, or on request). */
export async function reproposeSplit(bookId: string): Promise<void> {
  const db = getDb();
  const book = await db.book.findUnique({ where: { id: bookId } });
  if (!book) throw new AppError('NOT_FOUND', `Book ${bookId} does not exist.`);
  if (book.splitStatus === 'accepted') return;
  await db.book.update({ where: { id: bookId }, data: { splitStatus: 'none', splitStarts: null } });
  await maybeProposeSplit(bookId);
}
