// Limits that keep parsing an ebook linear in its size: no real book comes near them, and a file that passes
// them is refused with a message naming it (and, in an EPUB, the document inside it) instead of stalling a worker.
import { AppError } from '../errors/app-error.ts';

export const EBOOK_LIMITS = {
  /** Elements open at once. Real XHTML nests under ~30; htmlparser2's open-element stack costs O(depth) a tag. */
  maxDepth: 1_000,
  /** Paragraphs plus removed notes, breaks and boilerplate (the longest novels have ~20,000 paragraphs). */
  maxBlocks: 200_000,
  /** Decoded characters of text (about 50 MB: ten times the complete works of Shakespeare). */
  maxTextChars: 50_000_000,
};

export type EbookLimits = typeof EBOOK_LIMITS;

const count = (n: number) => n.toLocaleString('en-US');

/** What one ebook may still use; an EPUB's documents share one budget. */
export class EbookBudget {
  private blocks = 0;
  private textChars = 0;

  constructor(readonly limits: EbookLimits = EBOOK_LIMITS) {}

  /** Counts one paragraph or removed block of `where` (a file name, or "book.epub (OEBPS/ch1.xhtml)"). */
  addBlock(where: string): void {
    this.addBlocks(1, where);
  }

  addBlocks(n: number, where: string): void {
    this.blocks += n;
    if (this.blocks <= this.limits.maxBlocks) return;
    throw new AppError(
      'TOO_LARGE',
      `${where}: more than ${count(this.limits.maxBlocks)} paragraphs, far more than any book: ` +
        'check that the file is one ebook, or split it and upload the parts.',
      { where, limit: this.limits.maxBlocks },
    );
  }

  /** Counts `chars` characters of decoded text of `where`. */
  addText(chars: number, where: string): void {
    this.textChars += chars;
    if (this.textChars <= this.limits.maxTextChars) return;
    throw new AppError(
      'TOO_LARGE',
      `${where}: more than ${count(this.limits.maxTextChars)} characters of text, far more than any book: ` +
        'check that the file is one ebook, or split it and upload the parts.',
      { where, limit: this.limits.maxTextChars },
    );
  }
}
