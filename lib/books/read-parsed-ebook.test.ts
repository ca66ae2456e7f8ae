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
    await new Promise((r) => setTimeout(r, 5));
    await getStorage().putStream(key, Readable.from([JSON.stringify(parsed('dos, otra versión'))]));
    expect((await readParsedEbook('book-1')).paragraphs[0]!.text).toBe('dos, otra versión');
    await expect(readParsedEbook('missing')).rejects.toThrow();
  });
});
