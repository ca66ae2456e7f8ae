// The parsed ebook of a book (the JSON written by ingestEbook), with a small in-memory cache.
import { getStorage } from '../storage/storage.ts';
import type { ParsedEbook } from '../text/ebook-types.ts';
import { storageKeys } from './storage-keys.ts';

// The book page polls its overview every second while a proposal is open: keep the parsed ebook of the
// last few books in memory instead of reading and parsing the whole JSON on every poll. The file is replaced
// (never edited) on re-ingest, so its key + stored version (Storage.stat) identify a version.
const parsedCache = new Map<string, { version: string; value: ParsedEbook }>();
const PARSED_CACHE_BOOKS = 8;

export async function readParsedEbook(bookId: string): Promise<ParsedEbook> {
  const storage = getStorage();
  const key = storageKeys.ebookParsed(bookId);
  const st = await storage.stat(key);
  if (!st) throw Object.assign(new Error(`ENOENT: book ${bookId} has no parsed ebook ("${key}")`), { code: 'ENOENT' });
  const version = `${key}:${st.version}`;
  const hit = parsedCache.get(bookId);
  if (hit?.version === version) return hit.value;
  const value = JSON.parse((await storage.readAll(key)).toString('utf8')) as ParsedEbook;
  parsedCache.delete(bookId);
  parsedCache.set(bookId, { version, value });
  if (parsedCache.size > PARSED_CACHE_BOOKS) parsedCache.delete(parsedCache.keys().next().value!);
  return value;
}
