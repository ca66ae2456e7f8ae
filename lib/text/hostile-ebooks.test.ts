// The hostile ebooks of issue #10 are refused with a message naming the file, never by a stalled or crashed
// parser. How long they take and how much memory: bench/hostile-ebooks.ts.
import { describe, expect, it } from 'vitest';
import { buildDeepNestingEpub } from '../testing/hostile/deep-nesting-epub.ts';
import { buildParagraphBombEpub } from '../testing/hostile/paragraph-bomb-epub.ts';
import { buildSingleDocumentEpub } from '../testing/hostile/single-document-epub.ts';
import { catchAppErrorAsync } from '../testing/catch-app-error.ts';
import { EbookBudget, EBOOK_LIMITS } from './ebook-budget.ts';
import { parseEbook } from './parse-ebook.ts';
import { parseEpub } from './parse-epub.ts';

describe('hostile ebooks', () => {
  it('refuses <div> nested 2,000,000 deep (a 33 KB EPUB), naming the document inside it', async () => {
    const bytes = buildDeepNestingEpub(2_000_000);
    expect(bytes.length).toBeLessThan(40_000);
    const error = await catchAppErrorAsync(parseEbook(bytes, 'hondo.epub'));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toMatch(
      /^hondo\.epub \(OEBPS\/chapter\.xhtml\): the HTML nests elements more than 1,000 deep .*re-export the ebook/,
    );
  });

  it('refuses a paragraph bomb past the paragraph limit with a clear error, not a stack overflow', async () => {
    const bytes = buildParagraphBombEpub(400_000); // today's limit is 200,000; the old parser overflowed here
    const error = await catchAppErrorAsync(parseEbook(bytes, 'bomba.epub'));
    expect(error.code).toBe('TOO_LARGE');
    expect(error.message).toMatch(/^bomba\.epub \(OEBPS\/chapter\.xhtml\): more than 200,000 paragraphs/);
  });

  it('reads a document with more paragraphs than fit in one call’s arguments', async () => {
    // 150,000 paragraphs: under the limit, over what push(...paragraphs) takes without "Maximum call stack size exceeded".
    const paragraphs = 150_000;
    expect(paragraphs).toBeLessThan(EBOOK_LIMITS.maxBlocks);
    const epub = await parseEpub(buildParagraphBombEpub(paragraphs), 'largo.epub');
    expect(epub.paragraphs).toHaveLength(paragraphs);
    expect(epub.paragraphs[paragraphs - 1]).toEqual({ text: `Frase ${(paragraphs - 1) % 1000}.`, kind: 'prose' });
  });

  it('counts an EPUB’s paragraphs against the budget it is given', async () => {
    const bytes = buildSingleDocumentEpub('<p>Una.</p><p>Dos.</p><p>Tres.</p>');
    const budget = new EbookBudget({ ...EBOOK_LIMITS, maxBlocks: 2 });
    const error = await catchAppErrorAsync(parseEpub(bytes, 'corto.epub', { budget }));
    expect(error.message).toMatch(/^corto\.epub \(OEBPS\/chapter\.xhtml\): more than 2 paragraphs/);
  });
});
