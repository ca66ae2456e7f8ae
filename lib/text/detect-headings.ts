// Marks chapter headings and removes the table of contents. Headings are what a split into audio files cuts
// at, so a table of contents left in would add a cluster of false cut points at the start (or end) of the book.
import type { Paragraph, RemovedMarker } from './ebook-types.ts';

export type HeadingMatch = {
  /** Canonical keyword: 'chapter', 'part', 'book' …, 'bare' for a lone numeral, 'front' for "Prólogo" etc. */
  keyword: string;
  /** keyword + number, equal for "CAPÍTULO I" and "Capítulo primero": used to spot repeated headings. */
  label: string;
};

export type DetectHeadingsResult = {
  paragraphs: Paragraph[];
  /** Table-of-contents paragraphs that were removed. */
  removed: RemovedMarker[];
  /** Input index of each output paragraph (a heading split off its paragraph repeats the index). */
  kept: number[];
  headingCount: number;
};

const KEYWORDS: Record<string, string> = {
  capitulo: 'chapter',
  cap: 'chapter',
  chapter: 'chapter',
  parte: 'part',
  part: 'part',
  libro: 'book',
  book: 'book',
  tratado: 'treatise',
  jornada: 'jornada',
  canto: 'canto',
  acto: 'act',
  act: 'act',
  cuadro: 'cuadro',
  tomo: 'volume',
  volume: 'volume',
  vol: 'volume',
  seccion: 'section',
  section: 'section',
};
const ORDINAL_FIRST_KEYWORDS = new Set(['parte', 'part', 'libro', 'book', 'tratado', 'jornada', 'acto', 'act', 'cuadro', 'tomo', 'canto']);

const ORDINAL_UNITS: Record<string, number> = {
  primero: 1, primera: 1, primer: 1, segundo: 2, segunda: 2, tercero: 3, tercera: 3, tercer: 3, cuarto: 4, cuarta: 4,
  quinto: 5, quinta: 5, sexto: 6, sexta: 6, septimo: 7, septima: 7, setimo: 7, setima: 7, octavo: 8, octava: 8,
  noveno: 9, novena: 9, nono: 9, nona: 9,
};
const ORDINAL_TENS: Record<string, number> = {
  decimo: 10, decima: 10, vigesimo: 20, vigesima: 20, trigesimo: 30, trigesima: 30, cuadragesimo: 40,
  cuadragesima: 40, quincuagesimo: 50, quincuagesima: 50, sexagesimo: 60, sexagesima: 60, septuagesimo: 70,
  septuagesima: 70, octogesimo: 80, octogesima: 80, nonagesimo: 90, nonagesima: 90, centesimo: 100, centesima: 100,
};
const SINGLE_WORDS: Record<string, number | string> = {
  undecimo: 11, undecima: 11, onceno: 11, oncena: 11, duodecimo: 12, duodecima: 12, doceno: 12, docena: 12,
  unico: 'unico', unica: 'unico', ultimo: 'ultimo', ultima: 'ultimo', preliminar: 'preliminar', final: 'final',
  uno: 1, una: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10, once: 11,
  doce: 12, trece: 13, catorce: 14, quince: 15, dieciseis: 16, diecisiete: 17, dieciocho: 18, diecinueve: 19,
  veinte: 20, veintiuno: 21, veintiuna: 21, veintidos: 22, veintitres: 23, veinticuatro: 24, veinticinco: 25,
  veintiseis: 26, veintisiete: 27, veintiocho: 28, veintinueve: 29, treinta: 30, cuarenta: 40, cincuenta: 50,
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19, twentieth: 20, thirtieth: 30, last: 'ultimo',
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50,
};
const CARDINAL_TENS = new Set(['treinta', 'cuarenta', 'cincuenta', 'twenty', 'thirty', 'forty', 'fifty']);
const ENGLISH_UNITS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9,
};

const FRONT_MATTER = new RegExp(
  String.raw`^(?:pr[oó]logo|al lector|dedicatoria|introducci[oó]n|prefacio|ep[ií]logo|advertencia|pre[aá]mbulo` +
    String.raw`|nota preliminar|conclusi[oó]n|preface|introduction|prologue|epilogue|foreword)(?=$|[\s.:—–-])`,
  'iu',
);
const TOC_TITLE = new RegExp(
  String.raw`^(?:[íi]ndice(?:\s+(?:general|de\s+.{1,40}))?|(?:table\s+of\s+)?contents|tabla(?:\s+de\s+.{1,40})?` +
    String.raw`|sumario|contenido)\.?:?$`,
  'iu',
);
const PAGE_NUMBER_END = /(?:\.{2,}|…|\s{2,}|[.·]\s?[.·]\s?[.·]|,)\s*(?:p[áa]g\.?\s*)?\d{1,4}\.?$/iu;

function fold(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();
}

const ROMAN = /^M{0,4}(?:CM|CD|D?C{0,4})(?:XC|XL|L?X{0,4})(?:IX|IV|V?I{0,4})$/i;
const ROMAN_VALUES: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };

/** Value of a Roman numeral, lenient about archaic forms (IIII, XIIII) and case; undefined if not one. */
export function romanValue(s: string): number | undefined {
  if (!s || !ROMAN.test(s)) return undefined;
  let total = 0;
  const lower = s.toLowerCase();
  for (let i = 0; i < lower.length; i++) {
    const v = ROMAN_VALUES[lower[i] ?? ''] ?? 0;
    const next = ROMAN_VALUES[lower[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

type NumberPrefix = { value: number | string; rest: string; spelled: boolean };

/** Reads a chapter number (Roman, Arabic or spelled out, Spanish or English) at the start of `s`. */
function readNumber(s: string): NumberPrefix | undefined {
  const digits = /^(\d{1,4})(?![\p{L}\d])/u.exec(s);
  if (digits?.[1]) return { value: Number(digits[1]), rest: s.slice(digits[0].length), spelled: false };
  const roman = /^([IVXLCDM]+)(?![\p{L}\d])/iu.exec(s);
  if (roman?.[1]) {
    const value = romanValue(roman[1]);
    if (value !== undefined) return { value, rest: s.slice(roman[0].length), spelled: false };
  }
  const words = /^(\p{L}+)(?:(\s+(?:y|and)\s+|[\s-]+)(\p{L}+))?/iu.exec(s);
  if (!words?.[1]) return undefined;
  const w1 = fold(words[1]);
  const sep = words[2] ?? '';
  const w2 = words[3] ? fold(words[3]) : undefined;
  const conj = /\s(?:y|and)\s/i.test(sep);
  const both = (value: number): NumberPrefix => ({ value, rest: s.slice(words[0].length), spelled: true });
  if (w2 !== undefined) {
    const tens = ORDINAL_TENS[w1];
    const unit = ORDINAL_UNITS[w2] ?? ENGLISH_UNITS[w2];
    const cardinal = SINGLE_WORDS[w2];
    // "décimo tercero", "vigésimo primero"; "twenty-first"; "treinta y uno".
    if (tens !== undefined && ORDINAL_UNITS[w2] !== undefined && !conj) return both(tens + ORDINAL_UNITS[w2]);
    if (CARDINAL_TENS.has(w1) && sep.includes('-') && unit !== undefined) return both((SINGLE_WORDS[w1] as number) + unit);
    if (CARDINAL_TENS.has(w1) && conj && typeof cardinal === 'number' && cardinal < 10) {
      return both((SINGLE_WORDS[w1] as number) + cardinal);
    }
  }
  // "decimotercero", "vigesimoprimera" written as one word.
  for (const [stem, value] of Object.entries(ORDINAL_TENS)) {
    if (w1.startsWith(stem) && w1.length > stem.length) {
      const unit = ORDINAL_UNITS[w1.slice(stem.length)];
      if (unit) return { value: value + unit, rest: s.slice(words[1].length), spelled: true };
    }
  }
  const single = ORDINAL_UNITS[w1] ?? ORDINAL_TENS[w1] ?? SINGLE_WORDS[w1];
  if (single !== undefined) return { value: single, rest: s.slice(words[1].length), spelled: true };
  return undefined;
}

/** What may follow a chapter number: nothing, a separator and a title, or a capitalised title. */
function isTitleRest(rest: string): boolean {
  if (/^\s*$/.test(rest)) return true;
  if (/^\s*[.:—–\-,)]/u.test(rest)) return true;
  return /^\s+[\p{Lu}¿¡«"“'(]/u.test(rest);
}

/**
 * Recognises a heading line: "CAPÍTULO I", "Capítulo primero. Que trata de…", "PARTE SEGUNDA", "PRIMERA
 * JORNADA", "CHAPTER 1", bare "XIV." and "Prólogo". Returns undefined for anything else.
 */
export function matchHeading(line: string): HeadingMatch | undefined {
  const t = line.trim();
  if (!t || t.length > 200 || !/^[\p{Lu}\d—–\-]/u.test(t)) return undefined;

  const kw = /^(\p{L}+)(\.?)\s+(?:(?:the|de)\s+)?/iu.exec(t);
  if (kw?.[1]) {
    const word = fold(kw[1]);
    const keyword = KEYWORDS[word === 'cap' && !kw[2] ? '' : word];
    if (keyword && (word !== 'vol' || kw[2])) {
      const num = readNumber(t.slice(kw[0].length));
      if (num && isTitleRest(num.rest) && (!num.spelled || !/^\s+\p{Ll}/u.test(num.rest))) {
        return { keyword, label: `${keyword}:${num.value}` };
      }
    }
  }

  // "PRIMERA PARTE", "Segunda jornada", "First Book".
  const ord = readNumber(t);
  if (ord?.spelled) {
    const after = /^\s+(\p{L}+)(.*)$/u.exec(ord.rest);
    const word = after?.[1] ? fold(after[1]) : '';
    const rest = after?.[2] ?? '';
    // "Primera parte del ingenioso hidalgo…" is a title too, as long as it is not a sentence.
    const ofTitle = /^\s+(?:de|del|of)\s/iu.test(rest) && t.length <= 100 && !/[.!?…;,]$/u.test(t);
    if (ORDINAL_FIRST_KEYWORDS.has(word) && (isTitleRest(rest) || ofTitle)) {
      const keyword = KEYWORDS[word] ?? word;
      return { keyword, label: `${keyword}:${ord.value}` };
    }
  }

  // A lone numeral, possibly dashed ("— IV —"), or a numeral with a short title ("I. El hidalgo").
  const bare = /^[—–\-\s]*([IVXLC]+|\d{1,3})(?![\p{L}\d])\s*(?:\.|[—–\-]+)?\s*(?:[—–\-]\s*)?(.*)$/u.exec(t);
  if (bare?.[1]) {
    const digits = /\d/.test(bare[1]);
    const value = digits ? Number(bare[1]) : romanValue(bare[1]);
    const title = bare[2] ?? '';
    if (value !== undefined && value > 0 && value <= 150) {
      if (title === '') return { keyword: 'bare', label: `bare:${value}` };
      const dotted = /^[—–\-\s]*[IVXLC\d]+\s*[.—–\-]/u.test(t);
      const capsTitle = !/\p{Ll}/u.test(title) && /\p{Lu}/u.test(title);
      // "I. El hidalgo" is a heading; "V. M. sabrá…" (an abbreviation) and "1. Primer punto…" (a list) are not.
      const shortTitle =
        !digits && title.length <= 80 && /^[\p{Lu}¿¡«"“]/u.test(title) && !/^\p{Lu}\.(\s|$)/u.test(title);
      if (dotted && (capsTitle || shortTitle) && !/[.!?…]\s+\p{L}/u.test(title)) {
        return { keyword: 'bare', label: `bare:${value}` };
      }
    }
  }

  if (t.length <= 50 && FRONT_MATTER.test(t) && !/[,;]/.test(t)) {
    const word = fold(/^\p{L}+/u.exec(t)?.[0] ?? t);
    return { keyword: 'front', label: `front:${word}` };
  }
  return undefined;
}

function lineCount(text: string): number {
  return text.split('\n').length;
}

/** A multi-line paragraph listing several chapters (or page numbers): a table of contents, not a heading. */
function isTocBlock(text: string): boolean {
  const lines = text.split('\n');
  if (lines.length < 2) return false;
  const keywords = lines.map((l) => matchHeading(l)?.keyword).filter((k): k is string => !!k && k !== 'front');
  const sameKeyword = keywords.some((k, i) => keywords.indexOf(k) !== i);
  const pageLines = lines.filter((l) => PAGE_NUMBER_END.test(l.trim())).length;
  return sameKeyword || pageLines >= 3 || (pageLines >= 2 && pageLines * 2 >= lines.length);
}

/** Text that belongs to a chapter rather than to a table of contents: sentences, dialogue, a stanza. */
function isBodyText(p: Paragraph): boolean {
  const t = p.text.trim();
  if (p.kind === 'verse') return lineCount(t) >= 2 && !isTocBlock(t);
  if (t.length >= 120 || /^[—–\-«"“]/u.test(t)) return true;
  if (PAGE_NUMBER_END.test(t)) return false;
  const words = t.split(/\s+/).length;
  return /[.!?…]["”»]?\s+\S/u.test(t) || (/[.!?…]["”»]?$/u.test(t) && words >= 6);
}

type Item = { p: Paragraph; source: number; heading?: HeadingMatch };

export function detectHeadings(input: Paragraph[]): DetectHeadingsResult {
  // 1. Mark headings; a heading line on top of a long paragraph is split off it.
  const items: Item[] = [];
  input.forEach((p, source) => {
    const lines = p.text.split('\n');
    const first = lines[0] ?? '';
    const match = matchHeading(first);
    if (p.kind === 'heading') {
      items.push({ p, source, heading: match ?? { keyword: 'text', label: `text:${fold(p.text)}` } });
      return;
    }
    if (!match || isTocBlock(p.text)) {
      items.push({ p, source });
      return;
    }
    const rest = lines.slice(1);
    if (rest.length === 0) {
      if (p.text.length <= 300) items.push({ p: { text: p.text, kind: 'heading' }, source, heading: match });
      else items.push({ p, source });
      return;
    }
    if (rest.length <= 3 && lines.every((l) => l.length <= 100)) {
      items.push({ p: { text: p.text, kind: 'heading' }, source, heading: match });
      return;
    }
    items.push({ p: { text: first, kind: 'heading' }, source, heading: match });
    items.push({ p: { text: rest.join('\n'), kind: rest.length > 1 ? p.kind : 'prose' }, source });
  });

  // 2. Which headings have text of their own before the next heading (table-of-contents entries do not).
  const n = items.length;
  const hasContent: boolean[] = new Array<boolean>(n).fill(false);
  for (let i = 0; i < n; i++) {
    const h = items[i]?.heading;
    if (!h) continue;
    let chars = 0;
    // A chapter's own subtitle heading (an HTML <h3> under the <h2>) belongs to the chapter.
    const ends = (j: number) => {
      const hj = items[j]?.heading;
      return !!hj && (h.keyword === 'text' || hj.keyword !== 'text');
    };
    for (let j = i + 1; j < n && !ends(j); j++) {
      const q = items[j]!.p;
      chars += q.text.length;
      if (isBodyText(q) || chars >= 200) {
        hasContent[i] = true;
        break;
      }
    }
  }
  const labelCount = new Map<string, number>();
  const laterLabels = new Map<string, number>(); // label → last index where it heads a chapter
  items.forEach((it, i) => {
    if (!it.heading || it.heading.keyword === 'text') return;
    laterLabels.set(it.heading.label, i);
    labelCount.set(it.heading.label, (labelCount.get(it.heading.label) ?? 0) + 1);
  });

  const toc = new Set<number>();
  const markUntilNextHeading = (from: number) => {
    toc.add(from);
    for (let j = from + 1; j < n && !items[j]?.heading; j++) toc.add(j);
  };

  // 2a. An explicit "ÍNDICE" / "CONTENTS" title and the entries after it.
  for (let i = 0; i < n; i++) {
    const it = items[i]!;
    if (it.p.text.length > 60 || !TOC_TITLE.test(it.p.text.trim())) continue;
    toc.add(i);
    const seen = new Set<string>();
    for (let j = i + 1; j < n && j <= i + 500; j++) {
      const q = items[j]!;
      const key = q.heading ? q.heading.label : `text:${fold(q.p.text)}`;
      if (seen.has(key)) break;
      // A chapter with text ends the list, unless its label also heads a chapter elsewhere (then it is an entry).
      if (q.heading && hasContent[j] && (labelCount.get(q.heading.label) ?? 0) < 2) break;
      const lines = q.p.text.split('\n');
      const entryLike =
        !!q.heading || isTocBlock(q.p.text) || lines.every((l) => l.length <= 100) || PAGE_NUMBER_END.test(q.p.text);
      if (!entryLike) break;
      seen.add(key);
      toc.add(j);
    }
  }

  // 2b. Blocks listing several chapters.
  items.forEach((it, i) => {
    if (!it.heading && isTocBlock(it.p.text)) toc.add(i);
  });

  // 2c. Runs of headings without text: a repeated chapter label, or two of the same kind in a row.
  for (let i = 0; i < n; i++) {
    const h = items[i]?.heading;
    if (!h || hasContent[i] || toc.has(i)) continue;
    const run: number[] = [];
    for (let j = i; j < n; j++) {
      const hj = items[j]?.heading;
      if (!hj) continue;
      if (hasContent[j]) break;
      run.push(j);
    }
    const keywords = run.map((j) => items[j]!.heading!.keyword).filter((k) => k !== 'text' && k !== 'front');
    const repeatedKind = keywords.some((k, idx) => keywords.indexOf(k) !== idx);
    for (const j of run) {
      const hj = items[j]!.heading!;
      const repeatedLater = hj.keyword !== 'text' && (laterLabels.get(hj.label) ?? -1) > j;
      if (repeatedKind || repeatedLater) markUntilNextHeading(j);
    }
    i = (run[run.length - 1] ?? i);
  }

  // 2d. A table of contents of bare titles (no numbers, no "ÍNDICE"): a run of title-like paragraphs that reappear
  // later, most of them as (the end of) chapter headings: "Que trata de…" ↔ "Capítulo primero. Que trata de…".
  const norm = items.map((it) => fold(it.p.text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim());
  const lastAt = new Map<string, number>();
  const lastHeadingAt = new Map<string, number>();
  items.forEach((it, i) => {
    const key = norm[i]!;
    lastAt.set(key, i);
    if (!it.heading) return;
    const words = key.split(' ');
    for (let k = 0; k < words.length; k++) {
      const suffix = words.slice(k).join(' ');
      if (k === 0 || suffix.length >= 12) lastHeadingAt.set(suffix, i);
    }
  });
  const titleLike = (i: number) => {
    const t = items[i]!.p.text.trim();
    if (items[i]!.heading) return true;
    return t.length <= 300 && lineCount(t) <= 4 && !/^[—–\-«"“']/u.test(t) && !/[.!?…]["”»]?\s+\S/u.test(t);
  };
  const matchesHeadingLater = (i: number) => (lastHeadingAt.get(norm[i]!) ?? -1) > i;
  const candidate = (i: number) =>
    titleLike(i) && norm[i]!.length >= 3 && ((lastAt.get(norm[i]!) ?? -1) > i || matchesHeadingLater(i));
  for (let i = 0; i < n; i++) {
    if (!candidate(i)) continue;
    const run: number[] = [i];
    const seen = new Set([norm[i]]);
    let j = i + 1;
    for (; j < n; j++) {
      if (seen.has(norm[j])) break; // a table lists each title once: a repeat starts the next list
      if (candidate(j)) run.push(j);
      else if (titleLike(j) && j + 1 < n && candidate(j + 1) && !seen.has(norm[j + 1])) run.push(j);
      else break;
      seen.add(norm[j]);
    }
    const hits = run.filter(candidate);
    if (hits.length >= 3 && hits.filter(matchesHeadingLater).length * 2 >= hits.length) run.forEach((k) => toc.add(k));
    i = j - 1;
  }

  // 3. Output.
  const paragraphs: Paragraph[] = [];
  const kept: number[] = [];
  const removed: RemovedMarker[] = [];
  items.forEach((it, i) => {
    if (toc.has(i)) {
      removed.push({ kind: 'toc', text: it.p.text, paragraph: paragraphs.length });
      return;
    }
    paragraphs.push(it.heading ? { text: it.p.text, kind: 'heading' } : it.p);
    kept.push(it.source);
  });
  return { paragraphs, removed, kept, headingCount: paragraphs.filter((p) => p.kind === 'heading').length };
}
