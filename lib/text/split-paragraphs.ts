// Plain text → paragraphs. Gutenberg texts separate paragraphs with blank lines and hard-wrap prose at ~70
// characters; indented or short-lined blocks (verse, quotations, tables of contents) keep their line breaks.
import type { Paragraph, RemovedMarker } from './ebook-types.ts';
import { matchHeading } from './detect-headings.ts';

export type SplitParagraphsResult = { paragraphs: Paragraph[]; removed: RemovedMarker[] };

const SCENE_BREAK = /^[*·•.~=_\-–—+#⁂✻✱❦◇◆○●]+$/;

/** A paragraph made only of spaced asterisks, dashes, dots… ("*       *       *"). */
export function isSceneBreak(text: string): boolean {
  const t = text.replace(/\s+/g, '');
  return SCENE_BREAK.test(t) && (t.length >= 3 || /^\*\*$|^⁂$/.test(t));
}

/** Old-Gutenberg typography → text: `--` is an em dash, `_word_` marks italics. */
export function cleanInline(text: string): string {
  return text
    .replace(/-{2,}/g, '—')
    .replace(/(^|[^\p{L}\p{N}_])_(?=\S)([^_]*?\S)_(?![\p{L}\p{N}])/gu, '$1$2');
}

const INDENTED = /^(?: {2,}|\t)/;
const PAGE_NUMBER_LINE = /(?:\.{2,}|…|\s{2,}|[.·]\s?[.·]\s?[.·])\s*\d{1,4}$/;

function collapse(line: string): string {
  return line.replace(/[ \t\u00a0]+/g, ' ').trim();
}

/** Joins hard-wrapped lines; a letter-hyphen at a line end followed by a lowercase word is a split word. */
function unwrap(lines: string[]): string {
  let out = '';
  for (const raw of lines) {
    const line = collapse(raw);
    if (!line) continue;
    if (!out) out = line;
    else if (/\p{L}-$/u.test(out) && !/--$/.test(out) && /^\p{Ll}/u.test(line)) out += line;
    else out += ' ' + line;
  }
  return cleanInline(out).replace(/ {2,}/g, ' ').trim();
}

function keepLines(lines: string[]): string {
  return cleanInline(lines.map(collapse).filter(Boolean).join('\n'));
}

/** Line length the text is wrapped at (90th percentile); above 120 the text is not hard-wrapped at all. */
function wrapWidth(lines: string[]): number {
  const lengths = lines
    .map((l) => l.trimEnd().length)
    .filter((n) => n > 0)
    .sort((a, b) => a - b);
  if (lengths.length === 0) return 72;
  return lengths[Math.min(lengths.length - 1, Math.floor(lengths.length * 0.9))] ?? 72;
}

function blockToParagraphs(lines: string[], wrap: number): Paragraph[] {
  if (lines.length === 1) return [{ text: unwrap(lines), kind: 'prose' }];
  const indented = lines.map((l) => INDENTED.test(l));
  if (indented.every(Boolean)) return [{ text: keepLines(lines), kind: 'verse' }];
  const headingLines = lines.filter((l) => matchHeading(collapse(l))).length;
  const pageLines = lines.filter((l) => PAGE_NUMBER_LINE.test(l.trimEnd())).length;
  if (headingLines >= 2 || pageLines >= 2) return [{ text: keepLines(lines), kind: 'verse' }];

  // Paragraphs marked by a first-line indent instead of a blank line.
  if (indented[0] && indented.slice(1).some(Boolean)) {
    const pieces: string[][] = [];
    lines.forEach((l, i) => {
      if (indented[i] || pieces.length === 0) pieces.push([l]);
      else pieces[pieces.length - 1]?.push(l);
    });
    return pieces.map((p) => ({ text: unwrap(p), kind: 'prose' }));
  }

  // A wrapped line is only broken when the next word does not fit, so it ends near the wrap width.
  const isLong = (l: string) => l.trim().length >= wrap - 18;
  const nonLast = lines.slice(0, -1);
  const longCount = nonLast.filter(isLong).length;
  if (longCount === nonLast.length) return [{ text: unwrap(lines), kind: 'prose' }];
  if (longCount * 2 >= nonLast.length) {
    // Mostly wrapped prose with short lines: a short line that ends a sentence (or is a heading) ends a
    // paragraph written without a blank line after it; other short lines are just unevenly wrapped.
    const ends = (l: string) => /[.!?:…»”"')]$/u.test(l.trim()) || !!matchHeading(collapse(l));
    const pieces: string[][] = [[]];
    lines.forEach((l, i) => {
      pieces[pieces.length - 1]?.push(l);
      if (i < lines.length - 1 && !isLong(l) && ends(l)) pieces.push([]);
    });
    return pieces.filter((p) => p.length > 0).map((p) => ({ text: unwrap(p), kind: 'prose' }));
  }
  return [{ text: keepLines(lines), kind: 'verse' }];
}

export function splitParagraphs(text: string): SplitParagraphsResult {
  const lines = text.replace(/\f/g, '\n').split('\n');
  const wrap = wrapWidth(lines);
  const hardWrapped = wrap <= 120;
  const paragraphs: Paragraph[] = [];
  const removed: RemovedMarker[] = [];

  let block: string[] = [];
  const flush = () => {
    if (block.length === 0) return;
    const lines = block;
    block = [];
    if (isSceneBreak(lines.join(' '))) {
      removed.push({ kind: 'scene-break', text: lines.map(collapse).join(' '), paragraph: paragraphs.length });
      return;
    }
    // Without hard wrapping every line is a paragraph of its own.
    const produced = hardWrapped
      ? blockToParagraphs(lines, Math.max(wrap, 60))
      : lines.map((l): Paragraph => ({ text: unwrap([l]), kind: 'prose' }));
    for (const p of produced) {
      if (!p.text) continue;
      if (isSceneBreak(p.text)) {
        removed.push({ kind: 'scene-break', text: p.text, paragraph: paragraphs.length });
      } else paragraphs.push(p);
    }
  };
  for (const line of lines) {
    if (line.trim() === '') flush();
    else block.push(line.trimEnd());
  }
  flush();
  return { paragraphs, removed };
}
