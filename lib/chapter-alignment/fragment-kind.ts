// What a fragment is (Fragment.kind): a paragraph of the text, or a heading ("CUENTOS", "CAPÍTULO I") that the
// reader says, so it is aligned and reviewed like a paragraph, but an export leaves it out unless asked
// (a corpus of book titles repeated in every chapter teaches a model little). Pure: ingest, export, review
// and the components read it from here.
import type { ParagraphKind } from '../text/ebook-types.ts';

export const FRAGMENT_KINDS = ['paragraph', 'heading'] as const;
export type FragmentKind = (typeof FRAGMENT_KINDS)[number];

/** The fragment kind of an ebook paragraph: the parser's headings are headings; prose and verse are paragraphs. */
export function fragmentKindOf(kind: ParagraphKind): FragmentKind {
  return kind === 'heading' ? 'heading' : 'paragraph';
}

export function isHeading(fragment: { kind: string }): boolean {
  return fragment.kind === 'heading';
}
