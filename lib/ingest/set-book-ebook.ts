import type { Readable } from 'node:stream';
import { AppError } from '../errors/app-error.ts';
import { getDb } from '../db/client.ts';
import { getConfig } from '../config/env.ts';
import { getStorage } from '../storage/storage.ts';
import { enqueueJob } from '../jobs/enqueue-job.ts';
import { ingestEbookJob } from './book-jobs.ts';
import { EBOOK_EXTENSIONS, extensionOf, safeFileName } from './audio-types.ts';
import { assertSplitNotAccepted, getBook } from './get-book.ts';
import { storageKeys } from './storage-keys.ts';

/** Stores the book's ebook (replacing an earlier one) and queues its ingest. */
export async function setBookEbook(bookId: string, fileName: string, source: Readable) {
  const book = await getBook(bookId);
  assertSplitNotAccepted(book, 'replace the ebook');
  const name = safeFileName(fileName);
  const ext = extensionOf(name);
  if (!EBOOK_EXTENSIONS.includes(ext)) {
    source.resume();
    throw new AppError('UNSUPPORTED_MEDIA', `${name} is not a supported ebook. Upload a .txt, .html or .epub file.`, {
      file: name,
    });
  }
  const storage = getStorage();
  // a new name per upload: the previous ebook stays intact until this one is complete
  const key = storageKeys.ebookOriginal(bookId, `-${Date.now()}${ext}`);
  const stored = await storage.putStream(key, source, { maxBytes: getConfig().maxUploadBytes, label: name });
  if (stored.size === 0) {
    await storage.delete(key);
    throw new AppError('INVALID_INPUT', `${name} is empty (0 bytes). Upload the ebook again.`, { file: name });
  }
  const previous = book.ebookKey;
  await getDb().book.update({
    where: { id: bookId },
    data: {
      ebookName: name,
      ebookKey: key,
      ebookSha256: stored.sha256,
      ebookSize: stored.size,
      ebookStatus: 'uploaded',
      ebookError: null,
      ebookReport: null,
      splitStatus: 'none',
      splitStarts: null,
    },
  });
  if (previous && previous !== key) await storage.delete(previous);
  await enqueueJob(ingestEbookJob, { bookId }, { bookId });
  return { name, size: stored.size, sha256: stored.sha256 };
}
