import { utimes } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { useTestEnv } from '../testing/use-test-env.ts';
import { getStorage } from '../storage/storage.ts';
import { readParsedEbook } from './read-parsed-ebook.ts';
import { storageKeys } from './storage-keys.ts';

useTestEnv();

const parsed = (text: string) => ({ paragraphs: [{ text, kind: 'prose' }], report: { format: 'txt', encoding: 'utf-8', gutenbergHeader: false, gutenbergFooter: false, removed: [], warnings: [], headingCount: 0 } });

describe('readParsedEbook', () => {
  it('serves repeated reads from memory and sees a re-ingested ebook', async () => {
    const key = storageKeys.ebookParsed('book-1');
    await getStorage().putStream(key, Readable.from([JSON.stringify(parsed('uno'))]));
    const first = await readParsedEbook('book-1');
    expect(first.paragraphs[0]!.text).toBe('uno');
    expect(await readParsedEbook('book-1')).toBe(first); // the same object: not read and parsed again
    // A re-ingest of the same size: only the modification time tells the versions apart.
    await getStorage().putStream(key, Readable.from([JSON.stringify(parsed('dos'))]));
    const later = new Date(Date.now() + 10_000);
    await utimes(getStorage().localPath(key), later, later);
    expect((await readParsedEbook('book-1')).paragraphs[0]!.text).toBe('dos');
    await expect(readParsedEbook('missing')).rejects.toThrow();
  });
});
