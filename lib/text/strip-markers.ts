// Removes what a narrator does not read: illustration captions, footnotes and their anchors, page numbers,
// editorial notes and transcriber's notes. Every removal is reported, so a reviewer can check nothing spoken
// was lost; bracketed text of any other kind ("[Aparte.]", "[sic]") is kept.
import type { Paragraph, RemovedMarker } from './ebook-types.ts';

export type StripMarkersResult = {
  paragraphs: Paragraph[];
  removed: RemovedMarker[];
  /** Input index of each output paragraph. */
  kept: number[];
};

type MarkerKind = RemovedMarker['kind'];

const ILLUSTRATION = new RegExp(
  String.raw`^(?:illustrations?|ilustraci[oó]n(?:es)?|grabados?|imagen(?:es)?|images?|l[áa]minas?|figuras?|fig\.` +
    String.raw`|retrato|portrait|frontispiece|frontispicio|vi[ñn]eta|facs[íi]mile?)(?!\p{L})`,
  'iu',
);
const TRANSCRIBER_NOTE =
  String.raw`transcriber['’]?s?\s+notes?|notas?\s+del?\s+transcriptor` +
  String.raw`|notas?\s+de\s+(?:la\s+)?transcripci[oó]n|nota\s+del\s+editor\s+digital`;
const TRANSCRIBER = new RegExp(String.raw`^(?:${TRANSCRIBER_NOTE}|transcriber['’]?s?|transcriptor|t\.\s?n\.)(?!\p{L})`, 'iu');
const FOOTNOTE = /^(?:footnotes?|nota\s+al\s+pie)(?!\p{L})/iu;
const NOTE =
  /^(?:notas?|notes?|sidenotes?|side-notes?|n\.\s?del?\s?[a-z]\.|ap[oó]stilla|marginal(?:\s+note)?)(?!\p{L})/iu;
const ANCHOR = /^(?:\d{1,4}|[A-Z]|\*{1,3}|[†‡§¹²³⁴⁵⁶⁷⁸⁹])$/u;
const PAGE = /^(?:(?:pg|p[áa]g(?:ina)?|page|p)\.?\s*)(?:\d{1,4}|[ivxlcdm]{1,8})$/iu;
const BRACE_PAGE = /^\{\s*(?:(?:pg|p[áa]g|page|p)\.?\s*)?(?:\d{1,4}|[ivxlcdm]{1,8})\s*\}/iu;

/** Kind of a bracketed marker from its content, or undefined to keep it. */
function classify(content: string): MarkerKind | undefined {
  const c = content.trim();
  if (ILLUSTRATION.test(c)) return 'illustration';
  if (TRANSCRIBER.test(c)) return 'transcriber';
  if (FOOTNOTE.test(c) || ANCHOR.test(c)) return 'footnote';
  if (NOTE.test(c)) return 'note';
  if (PAGE.test(c)) return 'page';
  return undefined;
}

/** Index just past the "]" closing the "[" at `open`, or -1 if it is not closed in `text`. */
function closeBracket(text: string, open: number, depth0 = 0): { end: number; depth: number } {
  let depth = depth0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '[') depth++;
    else if (text[i] === ']' && --depth === 0) return { end: i + 1, depth: 0 };
  }
  return { end: -1, depth };
}

const TRANSCRIBER_PARAGRAPH = new RegExp(String.raw`^(?:${TRANSCRIBER_NOTE})(?!\p{L})`, 'iu');
const NOTE_ITEM = new RegExp(
  String.raw`changed\s+to|corrected|correg|cambiad|normaliz|inconsisten|hyphenat|spelling|ortogr|errata|typo` +
    String.raw`|\bsic\b|p[áa]g(?:ina)?\.?\s*\d|page\s*\d|\bp\.\s*\d|original`,
  'iu',
);
const LIST_ITEM = /^\s*(?:[-*•·]|\d{1,3}[.)])\s/u;
const FOOTNOTE_PARAGRAPH = /^\[(?:\d{1,4}|[A-Z]|\*{1,3}|[†‡§])\]\s*\S|^(?:footnote|nota)\s+\d{1,4}\s*:/iu;

/** Removes [start, end) from text, taking one adjoining space with it so no double space or " ." is left. */
function cut(text: string, start: number, end: number): string {
  let s = start;
  let e = end;
  const after = text[e];
  if (text[s - 1] === ' ' && (after === undefined || /[\s.,;:!?)\]»”’…]/u.test(after))) s--;
  else if ((s === 0 || text[s - 1] === '\n') && (after === ' ' || after === '\t')) e++;
  return text.slice(0, s) + text.slice(e);
}

function tidy(text: string): string {
  return text
    .split('\n')
    .map((l) => l.replace(/[ \t]{2,}/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

export function stripMarkers(input: Paragraph[]): StripMarkersResult {
  const texts = input.map((p) => p.text);
  const paragraphs: Paragraph[] = [];
  const kept: number[] = [];
  const removed: RemovedMarker[] = [];
  const report = (kind: MarkerKind, text: string) =>
    removed.push({ kind, text: text.trim(), paragraph: paragraphs.length });

  for (let i = 0; i < input.length; i++) {
    const kind = input[i]!.kind;
    let text = texts[i] ?? '';

    // Whole paragraphs: transcriber's notes (with the list under a short title) and footnote bodies.
    if (TRANSCRIBER_PARAGRAPH.test(text.trim())) {
      report('transcriber', text);
      if (text.trim().length <= 60) {
        for (let j = i + 1; j < input.length && j <= i + 15; j++) {
          const next = texts[j] ?? '';
          if (!NOTE_ITEM.test(next) && !LIST_ITEM.test(next)) break;
          report('transcriber', next);
          i = j;
        }
      }
      continue;
    }
    if (FOOTNOTE_PARAGRAPH.test(text.trim())) {
      report('footnote', text);
      continue;
    }

    let pos = 0;
    while (pos < text.length) {
      const next = text.slice(pos).search(/[[{]/);
      if (next === -1) break;
      const at = pos + next;
      if (text[at] === '{') {
        const m = BRACE_PAGE.exec(text.slice(at));
        if (m) {
          report('page', m[0]);
          text = cut(text, at, at + m[0].length);
          pos = Math.max(0, at - 1);
        } else pos = at + 1;
        continue;
      }
      const { end, depth } = closeBracket(text, at);
      if (end !== -1) {
        const markerKind = classify(text.slice(at + 1, end - 1));
        if (markerKind) {
          report(markerKind, text.slice(at, end));
          text = cut(text, at, end);
          pos = Math.max(0, at - 1);
        } else pos = at + 1;
        continue;
      }
      // Unclosed: an illustration, footnote or note whose text runs over the following paragraphs.
      const markerKind = classify(text.slice(at + 1));
      if (!markerKind || markerKind === 'page' || ANCHOR.test(text.slice(at + 1).trim())) {
        pos = at + 1;
        continue;
      }
      let closeAt = -1;
      let d = depth;
      for (let j = i + 1; j < input.length && j <= i + 30; j++) {
        const r = closeBracket(texts[j] ?? '', 0, d);
        if (r.end !== -1) {
          closeAt = j;
          const spanned = [text.slice(at), ...texts.slice(i + 1, j), (texts[j] ?? '').slice(0, r.end)];
          report(markerKind, spanned.join('\n\n'));
          texts[j] = (texts[j] ?? '').slice(r.end);
          break;
        }
        d = r.depth;
      }
      if (closeAt === -1) report(markerKind, text.slice(at));
      text = text.slice(0, at);
      if (closeAt !== -1) {
        // Keep what precedes the marker here, and go on with what follows its "]" in paragraph closeAt.
        const before = tidy(text);
        if (before) {
          paragraphs.push({ text: before, kind });
          kept.push(i);
        }
        i = closeAt - 1;
        texts[closeAt] = (texts[closeAt] ?? '').replace(/^[ \t]+/, '');
        text = '';
      }
      break;
    }
    const result = tidy(text);
    if (result) {
      paragraphs.push({ text: result, kind });
      kept.push(i);
    }
  }
  return { paragraphs, removed, kept };
}
