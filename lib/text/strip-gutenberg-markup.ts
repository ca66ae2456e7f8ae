// Project Gutenberg markup that survives inside a paragraph: notes and illustrations in brackets, footnote
// anchors "[1]", page numbers "{23}", "_italics_", and "--" typed for an em dash in old files.
// The note's body holds no "[" except one level of nested brackets ("[Nota: véase [1].]"): a body of `[^\]]*`
// would rescan the rest of the paragraph from every unclosed "[nota", quadratic in the paragraph's length.
const BRACKETED_NOTE =
  /\[\s*(?:ilustraci[oó]n|illustration|footnote|nota|note|transcriber'?s note|nota del transcriptor)(?![\p{L}])(?:[^[\]]|\[[^[\]]*\])*\]/giu;
const FOOTNOTE_ANCHOR = /\[\s*(?:\d+|[*†‡]+|[a-z])\s*\]/giu;
const PAGE_NUMBER = /\{[^{}\n]*\}/gu;

/** Removes Gutenberg markup from a paragraph and tidies the spaces it leaves. Newlines are kept. */
export function stripGutenbergMarkup(text: string): string {
  return text
    .replace(BRACKETED_NOTE, ' ')
    .replace(FOOTNOTE_ANCHOR, '')
    .replace(PAGE_NUMBER, '')
    .replace(/_/g, '')
    .replace(/-{2,}/g, '—')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ([.,;:!?»”)\]])/gu, '$1')
    .replace(/^ | $/gmu, '')
    .trim();
}
