// Ebook ingest: decode, clean, paragraphs, headings; the result is stored as JSON beside the original.
import { Readable } from 'node:stream';
import { AppError } from '../errors/app-error.ts';
import { isInterruptedError } from '../errors/interrupted-error.ts';
import { getDb } from '../db/client.ts';
import { getStorage } from '../storage/storage.ts';
import type { JobContext } from '../jobs/job-definition.ts';
import { isPermanentError } from '../jobs/run-claimed-job.ts';
import { parseEbook } from '../text/parse-ebook.ts';
import { storageKeys } from './storage-keys.ts';
import { maybeProposeSplit } from './propose-book-split.ts';

export async function ingestEbook(bookId: string, ctx: JobContext) {
  const db = getDb();
  const book = await db.book.findUnique({ where: { id: bookId } });
  if (!book) throw new AppError('NOT_FOUND', `Book ${bookId} no longer exists.`);
  if (!book.ebookKey || !book.ebookName) throw new AppError('INVALID_INPUT', `Book "${book.title}" has no ebook.`);
  const storage = getStorage();
  await db.book.update({ where: { id: bookId }, data: { ebookStatus: 'processing', ebookError: null } });
  try {
    ctx.progress(0.1, `Reading ${book.ebookName}`);
    const bytes = await storage.readAll(book.ebookKey);
    const parsed = await parseEbook(new Uint8Array(bytes), book.ebookName);
    ctx.progress(0.8, `${parsed.paragraphs.length} paragraphs`);
    await storage.putStream(storageKeys.ebookParsed(bookId), Readable.from([JSON.stringify(parsed)]));
    await db.book.update({
      where: { id: bookId },
      data: {
        ebookStatus: 'ready',
        ebookReport: JSON.stringify({ ...parsed.report, paragraphs: parsed.paragraphs.length }),
        author: book.author ?? parsed.author ?? null,
      },
    });
    await maybeProposeSplit(bookId);
    return { paragraphs: parsed.paragraphs.length };
  } catch (e) {
    // a stopping worker hands the job back: never final
    const final = !isInterruptedError(ctx.signal.reason) && (isPermanentError(e) || ctx.isFinalAttempt);
    await db.book.update({
      where: { id: bookId },
      data: { ebookStatus: final ? 'failed' : 'uploaded', ebookError: e instanceof Error ? e.message : String(e) },
    });
    throw e;
  }
}
