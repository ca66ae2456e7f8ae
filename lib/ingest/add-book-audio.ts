// Adds uploaded audio to a book: one audio file, or a ZIP of them. Everything streams to storage; each file
// gets an ingest job. A bad file is refused with its name and leaves the book's other files untouched.
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { AppError } from '../errors/app-error.ts';
import { getDb } from '../db/client.ts';
import { getConfig } from '../config/env.ts';
import { getStorage } from '../storage/storage.ts';
import { enqueueJob } from '../jobs/enqueue-job.ts';
import { ingestAudioJob } from './book-jobs.ts';
import { AUDIO_EXTENSIONS, extensionOf, isAudioFileName, safeFileName } from './audio-types.ts';
import { readAudioZip } from './extract-audio-zip.ts';
import { naturalCompare } from './natural-compare.ts';
import { storageKeys } from './storage-keys.ts';
import { assertSplitNotAccepted, getBook } from './get-book.ts';

export type AddAudioResult = { added: { id: string; name: string }[]; skipped: string[] };

async function storeOne(bookId: string, name: string, source: Readable) {
  const storage = getStorage();
  const id = randomUUID();
  const ext = extensionOf(name);
  const key = storageKeys.audioOriginal(bookId, id, ext);
  const stored = await storage
    .putStream(key, source, { maxBytes: getConfig().maxUploadBytes, label: name })
    .catch(async (e: unknown) => {
      await storage.delete(storageKeys.audioDir(bookId, id));
      throw e;
    });
  if (stored.size === 0) {
    await storage.delete(storageKeys.audioDir(bookId, id));
    throw new AppError('INVALID_INPUT', `${name} is empty (0 bytes). Upload the file again.`, { file: name });
  }
  return { id, name, ...stored };
}

export async function addBookAudio(bookId: string, fileName: string, source: Readable): Promise<AddAudioResult> {
  const book = await getBook(bookId);
  assertSplitNotAccepted(book, 'add audio files');
  const name = safeFileName(fileName);
  const ext = extensionOf(name);
  const stored: Awaited<ReturnType<typeof storeOne>>[] = [];
  let skipped: string[] = [];

  if (ext === '.zip') {
    const storage = getStorage();
    const tempKey = `books/${bookId}/uploads/${randomUUID()}.zip`;
    await storage.putStream(tempKey, source, { maxBytes: getConfig().maxUploadBytes, label: name });
    try {
      // the ZIP as a local file (itself locally, a scratch copy on S3): its entries are read by offset
      await storage.withLocalFile(tempKey, async (zipFile) => {
        const zip = await readAudioZip(zipFile, name);
        try {
          if (zip.entries.length === 0) {
            throw new AppError('INVALID_INPUT', `${name} holds no audio files (${AUDIO_EXTENSIONS.join(', ')}).`, { file: name });
          }
          for (const entry of zip.entries) {
            try {
              stored.push(await storeOne(bookId, entry.name, await entry.open()));
            } catch (e) {
              // keep what is stored so far out of the database: nothing half-added
              await Promise.all(stored.map((s) => storage.delete(storageKeys.audioDir(bookId, s.id))));
              throw e;
            }
          }
          skipped = zip.skipped;
        } finally {
          zip.close();
        }
      });
    } finally {
      await storage.delete(tempKey);
    }
  } else if (isAudioFileName(name)) {
    stored.push(await storeOne(bookId, name, source));
  } else {
    source.resume();
    throw new AppError(
      'UNSUPPORTED_MEDIA',
      `${name} is not a supported audio file. Upload ${AUDIO_EXTENSIONS.join(', ')} files or a LibriVox ZIP.`,
      { file: name },
    );
  }

  const db = getDb();
  const notices = [...(JSON.parse(book.notices ?? '[]') as string[]), ...skipped.map((s) => `${name}: skipped "${s}" (not an audio file)`)];
  await db.$transaction(async (tx) => {
    // A write first: SQLite's deferred BEGIN takes the write lock here, waiting out a busy worker. Read first, the
    // transaction holds a snapshot, and a worker's commit in between makes its first write fail at once with
    // SQLITE_BUSY_SNAPSHOT (P1008 "Operation has timed out" on an upload in e2e).
    await tx.book.update({
      where: { id: bookId },
      data: { splitStatus: 'none', splitStarts: null, notices: JSON.stringify(notices) },
    });
    const existing = await tx.audioFile.findMany({ where: { bookId }, select: { id: true, originalName: true } });
    for (const s of stored) {
      await tx.audioFile.create({
        data: { id: s.id, bookId, position: 0, originalName: s.name, originalKey: s.key, sha256: s.sha256, size: s.size },
      });
    }
    const all = [...existing, ...stored.map((s) => ({ id: s.id, originalName: s.name }))].sort((a, b) =>
      naturalCompare(a.originalName, b.originalName),
    );
    for (const [i, a] of all.entries()) await tx.audioFile.update({ where: { id: a.id }, data: { position: i } });
  });
  for (const s of stored) await enqueueJob(ingestAudioJob, { audioFileId: s.id }, { bookId });
  return { added: stored.map((s) => ({ id: s.id, name: s.name })), skipped };
}
