// Removes the Project Gutenberg header, licence and footer from a plain-text ebook. Marker spellings changed over
// the years (1990s "small print", 2000s "*** START OF THIS …", today's "*** START OF THE …"); all are matched
// case-insensitively and with any spacing.
import type { RemovedMarker } from './ebook-types.ts';

export type GutenbergStripResult = {
  text: string;
  /** A start marker was found and everything above it removed. */
  header: boolean;
  /** An end marker was found and everything from it on removed. */
  footer: boolean;
  /** The removed header, for `readGutenbergFields`. */
  headerText: string;
  /** Credit paragraphs ("Produced by …"); `paragraph` counts blank-line blocks before it, PAST_END at the end. */
  removed: RemovedMarker[];
};

/** Paragraph index meaning "after the last paragraph"; callers clamp it to the final count. */
export const PAST_END = Number.MAX_SAFE_INTEGER;

const START_MARKERS = [
  /^\s*\**\s*START\s+OF\s+(?:THE\s+|THIS\s+)?PROJECT\s+GUTENBERG/i,
  /^\s*\*+\s*END\s*\*?\s*THE\s+SMALL\s+PRINT/i,
  /^\s*\*\s*SMALL\s+PRINT\s*!/i,
];
const END_MARKERS = [
  /^\s*\**\s*END\s+OF\s+(?:THE\s+|THIS\s+)?PROJECT\s+GUTENBERG/i,
  /^\s*Fin\s+(?:de(?:l)?\s+)?(?:the\s+|este\s+)?(?:Project|Proyecto)\s+Gutenberg/i,
];

export function isGutenbergStartLine(line: string): boolean {
  return START_MARKERS.some((re) => re.test(line));
}

export function isGutenbergEndLine(line: string): boolean {
  return END_MARKERS.some((re) => re.test(line));
}

const CREDIT_STARTS = [
  /^\s*(?:produced|prepared|transcribed|digiti[sz]ed|scanned|proof-?read|converted|html\s+version)\b/i,
  /^\s*e-?text\s+(?:was\s+)?(?:prepared|produced|created|by)\b/i,
  /^\s*this\s+(?:e-?text|e-?book|etext|file|book|edition)\s+(?:was\s+)?(?:produced|prepared|created|made|transcribed)\b/i,
  /^\s*(?:preparado|producido|digitalizado|transcrito)\b/i,
  /^\s*edici[oó]n\s+(?:electr[oó]nica|digital)\s+(?:preparada|realizada)\b/i,
];
const CREDIT_MENTIONS = [
  /distributed\s+proof|pgdp\.net|project\s+gutenberg|gutenberg\.org/i,
  /internet\s+archive|hathitrust|google\s+books|biblioteca\s+virtual|images\s+generously\s+made\s+available/i,
];

/** A "Produced by …" style paragraph; only meaningful near the start or end of the book. */
export function isCreditsParagraph(text: string): boolean {
  return text.length < 600 && [...CREDIT_STARTS, ...CREDIT_MENTIONS].some((re) => re.test(text));
}

function firstLineMatch(lines: string[], from: number, to: number, test: (l: string) => boolean): number {
  for (let i = from; i < to; i++) if (test(lines[i] ?? '')) return i;
  return -1;
}

function hasText(lines: string[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if ((lines[i] ?? '').trim() !== '') return true;
  return false;
}

export function stripGutenberg(text: string): GutenbergStripResult {
  const lines = text.split('\n');
  const firstStart = firstLineMatch(lines, 0, lines.length, isGutenbergStartLine);

  // The first end marker after the first start marker that leaves some body text above it.
  let end = -1;
  for (let i = Math.max(firstStart + 1, 0); i < lines.length; i++) {
    if (!isGutenbergEndLine(lines[i] ?? '')) continue;
    if (hasText(lines, firstStart + 1, i)) {
      end = i;
      break;
    }
  }
  const bodyEnd = end === -1 ? lines.length : end;
  // Old files chain markers ("*SMALL PRINT!" … "*END*THE SMALL PRINT"): the body starts after the last one.
  let start = -1;
  for (let i = bodyEnd - 1; i >= 0; i--) {
    if (isGutenbergStartLine(lines[i] ?? '')) {
      start = i;
      break;
    }
  }

  const body = lines.slice(start + 1, bodyEnd).join('\n');
  const { text: cleaned, removed } = stripCredits(body);
  return {
    text: cleaned,
    header: start !== -1,
    footer: end !== -1,
    headerText: start === -1 ? '' : lines.slice(0, start + 1).join('\n'),
    removed,
  };
}

/** Drops credit paragraphs among the first six and last three blank-line separated paragraphs. */
function stripCredits(body: string): { text: string; removed: RemovedMarker[] } {
  const blocks = body.split(/\n[ \t]*\n/);
  const nonEmpty = blocks.flatMap((b, i) => (b.trim() ? [i] : []));
  const head = new Set(nonEmpty.slice(0, 6));
  const tail = new Set(nonEmpty.slice(-3));
  const removed: RemovedMarker[] = [];
  const kept: string[] = [];
  let keptParagraphs = 0;
  blocks.forEach((block, i) => {
    const flat = block.trim().replace(/\s+/g, ' ');
    if ((head.has(i) || tail.has(i)) && isCreditsParagraph(flat)) {
      removed.push({ kind: 'credits', text: flat, paragraph: keptParagraphs });
      return;
    }
    kept.push(block);
    if (flat) keptParagraphs++;
  });
  // Credits after the last paragraph point past the end: block counts here need not match paragraphs later.
  for (const r of removed) if (r.paragraph === keptParagraphs) r.paragraph = PAST_END;
  return { text: kept.join('\n\n'), removed };
}

function field(text: string, names: string): string | undefined {
  // A field value may continue on indented lines ("Title: Don Quijote\n       de la Mancha").
  const m = new RegExp(`^[ \\t]*(?:${names})[ \\t]*:[ \\t]*(.+(?:\\n[ \\t]+\\S.*)*)`, 'im').exec(text);
  const value = m?.[1]?.replace(/\s+/g, ' ').trim();
  return value ? value : undefined;
}

const OLD_TITLE_LINE = new RegExp(
  String.raw`The Project Gutenberg (?:e-?book|e-?text|etext),?\s+of\s+(.+?)(?:,\s+by\s+(.+?))?` +
    String.raw`\s*(?:\*|This e-?book|This e-?text|Copyright|$)`,
  'i',
);

/** Title and author from a Gutenberg header: "Title:"/"Author:" fields, else "The Project Gutenberg eBook of X, by Y". */
export function readGutenbergFields(headerText: string): { title?: string; author?: string } {
  let title = field(headerText, 'Title|T[ií]tulo');
  let author = field(headerText, 'Author|Autor|Creator');
  if (!title) {
    const flat = headerText.replace(/\s+/g, ' ');
    const m = OLD_TITLE_LINE.exec(flat);
    title = m?.[1]?.trim() || undefined;
    author ??= m?.[2]?.trim() || undefined;
  }
  return { ...(title ? { title } : {}), ...(author ? { author } : {}) };
}
