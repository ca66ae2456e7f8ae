// A book's ebook status (Book.ebookStatus) and split status (Book.splitStatus). Pure: the components import it too.
export const EBOOK_STATUSES = ['none', 'uploaded', 'processing', 'ready', 'failed'] as const;
export type EbookStatus = (typeof EBOOK_STATUSES)[number];

/** The ebook's split into one text part per audio file: none yet, proposed (editable), accepted (chapters made). */
export const SPLIT_STATUSES = ['none', 'proposed', 'accepted'] as const;
export type SplitStatus = (typeof SPLIT_STATUSES)[number];

/** Uploaded and waiting for its job, or being processed. */
export function isEbookPending(book: { ebookStatus: string }): boolean {
  return book.ebookStatus === 'uploaded' || book.ebookStatus === 'processing';
}
