// Ebook ingest: decode, clean, paragraphs, headings; the result is stored as JSON beside the original.
import { readFile, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { AppError } from '../errors/app-error.ts';
import { getDb } from '../db/client.ts';
import { getStorage } from '../storage/storage.ts';
import type { JobContext } from '../jobs/job-definition.ts';
import { isPermanentError } from '../jobs/run-claimed-job.ts';
import { parseEbook } from '../text/parse-ebook.ts';
import type { ParsedEbook } from '../text/ebook-types.ts';
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
    const final = isPermanentError(e) || ctx.attempt >= 3;
    await db.book.update({
      where: { id: bookId },
      data: { ebookStatus: final ? 'failed' : 'uploaded', ebookError: e instanceof Error ? e.message : String(e) },
    });
    throw e;
  }
}

// The book page polls its overview every second while a proposal is open: keep the parsed ebook of the
// last few books in memory instead of reading and parsing the whole JSON on every poll. The file is replaced
// (never edited) on re-ingest, so its path + mtime + size identify a version.
const parsedCache = new Map<string, { version: string; value: ParsedEbook }>();
const PARSED_CACHE_BOOKS = 8;

export async function readParsedEbook(bookId: string): Promise<ParsedEbook> {
  const file = getStorage().localPath(storageKeys.ebookParsed(bookId));
  const { mtimeMs, size } = await stat(file);
  const version = `${file}:${mtimeMs}:${size}`;
  const hit = parsedCache.get(bookId);
  if (hit?.version === version) return hit.value;
  const value = JSON.parse(await readFile(file, 'utf8')) as ParsedEbook;
  parsedCache.delete(bookId);
  parsedCache.set(bookId, { version, value });
  if (parsedCache.size > PARSED_CACHE_BOOKS) parsedCache.delete(parsedCache.keys().next().value!);
  return value;
}
