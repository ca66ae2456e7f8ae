// One paragraph → sentences, for aligning a paragraph sentence by sentence. A sentence ends at . ? ! … (with
// the closing quotes, brackets and dashes glued to them) when whitespace and a plausible sentence start follow.
// The start is read through opening marks (¿ ¡ « " — ( …): "¿Qué hora es? —preguntó él." is one sentence, and
// so is RAE's lowercase series "¿Quién eres? ¿de dónde vienes?". A single period may instead close an
// abbreviation or an initial. One pass over the text, looking a few dozen characters around each candidate.
import { romanNumeralContext } from './roman-numeral-context.ts';
import { SPANISH_ABBREVIATIONS } from './spanish-abbreviations.ts';

export type SentenceSpan = { text: string; start: number; end: number };

type AbbreviationEntry = { abbr: string; canEndSentence?: boolean; followedBy?: string };
type Abbreviation = { canEnd: boolean; followedBy?: RegExp };
/** Keyed by the abbreviation without spaces ("a. C." → "a.C."). */
type AbbreviationTable = ReadonlyMap<string, readonly Abbreviation[]>;

const TERMINATORS = new Set(['.', '?', '!', '…']);
// Glued to a terminator, these stay with its sentence: «¿Vienes?», (en 1880.), —¡Ya voy!—
const CLOSERS = new Set(['»', '›', '"', '”', '’', "'", ')', ']', '}', '—', '–', '-']);
// Looked through to find the first word of the next sentence: —¿Ha dormido …, «¡Socorro!», --dijo …
const OPENERS = new Set(['¿', '¡', '«', '‹', '"', '“', '„', '‘', "'", '(', '[', '{', '—', '–', '-']);
// After a terminator and a space these continue the sentence: a spaced ellipsis ". . .", a French « Oui. »
const CONTINUATIONS = new Set([',', ';', ':', ')', ']', '}', '»', '›', '”', '’', '.', '?', '!', '…']);

const WORD_CHAR = /[\p{L}\p{N}]/u;
const TOKEN_CHAR = /[\p{L}\p{M}.]/u;
const LOWERCASE = /^\p{Ll}/u;
const SINGLE_CAPITAL = /^\p{Lu}$/u;
// "J.R.R", "U.S.A": run-together initials.
const INITIALS = /^(?:\p{Lu}\.)+\p{Lu}$/u;
const AFTER_LOWERCASE_WORD = /\p{Ll}\s+$/u;
const ANOTHER_INITIAL = /^\.\s*\p{Lu}\./u;

// Longest abbreviation looked up ("Ntra.Sra.", "EE.UU."); a longer word before a period is never one.
const MAX_TOKEN = 12;
// Characters around a candidate period handed to the abbreviation and Roman numeral checks.
const WINDOW = 40;

const BEFORE_NUMBER = String.raw`\s*(?:\d|[IVXLCDM]+(?![\p{L}\p{N}]))`;

// Besides the expansion table: forms the splitter must not break at, with or without a reading.
const SPANISH_EXTRAS: readonly AbbreviationEntry[] = [
  { abbr: 'Dª.' },
  { abbr: 'Lic.' },
  { abbr: 'Lcdo.' },
  { abbr: 'Lcda.' },
  { abbr: 'Prof.' },
  { abbr: 'Profa.' },
  { abbr: 'Dres.' },
  { abbr: 'Pbro.' },
  { abbr: 'Mons.' },
  { abbr: 'Rvdo.' },
  { abbr: 'Rvda.' },
  { abbr: 'Av.' },
  { abbr: 'Avda.' },
  { abbr: 'Mr.' },
  { abbr: 'Mrs.' },
  { abbr: 'Ms.' },
  { abbr: 'St.' },
  { abbr: 'p.' },
  { abbr: 'pp.' },
  { abbr: 's.', followedBy: BEFORE_NUMBER }, // "s. XIX"
  { abbr: 'c.', followedBy: BEFORE_NUMBER }, // "c. 1500"
  { abbr: 'núms.' },
  { abbr: 'arts.' },
  { abbr: 'vols.' },
  { abbr: 'caps.' },
  { abbr: 'ej.' },
  { abbr: 'aprox.' },
  { abbr: 'fig.' },
  { abbr: 'figs.' },
  { abbr: 'vid.' },
  { abbr: 'cf.' },
  { abbr: 'op. cit.', canEndSentence: true },
  { abbr: 'ob. cit.', canEndSentence: true },
  { abbr: 'ibíd.', canEndSentence: true },
  { abbr: 'ss.', canEndSentence: true }, // "págs. 5 y ss."
  { abbr: 'sigs.', canEndSentence: true },
  { abbr: 'a. m.', canEndSentence: true },
  { abbr: 'p. m.', canEndSentence: true },
  { abbr: 'EE. UU.', canEndSentence: true },
];

const ENGLISH_ENTRIES: readonly AbbreviationEntry[] = [
  ...['Mr.', 'Mrs.', 'Ms.', 'Messrs.', 'Dr.', 'St.', 'Prof.', 'Rev.', 'Hon.', 'Gen.', 'Col.', 'Capt.', 'Lt.'].map(
    (abbr) => ({ abbr }),
  ),
  ...['Sgt.', 'Gov.', 'Mt.', 'Ave.', 'vs.', 'e.g.', 'i.e.', 'cf.', 'vol.', 'ch.', 'fig.', 'approx.'].map(
    (abbr) => ({ abbr }),
  ),
  ...['Jr.', 'Sr.', 'etc.', 'Inc.', 'Ltd.', 'Co.', 'a.m.', 'p.m.', 'A.D.', 'B.C.'].map((abbr) => ({
    abbr,
    canEndSentence: true,
  })),
  { abbr: 'No.', followedBy: String.raw`\s*\d` },
  { abbr: 'Nos.', followedBy: String.raw`\s*\d` },
  { abbr: 'p.', followedBy: String.raw`\s*\d` },
  { abbr: 'pp.', followedBy: String.raw`\s*\d` },
];

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Table of abbreviations ending in a period. A spaced one ("a. C.") also registers its first part, which must not
 * end a sentence when the rest follows ("63 a. C. Murió": "a." before "C." is no full stop).
 */
function buildTable(entries: readonly AbbreviationEntry[]): AbbreviationTable {
  const table = new Map<string, Abbreviation[]>();
  const add = (key: string, value: Abbreviation): void => {
    table.set(key, [...(table.get(key) ?? []), value]);
  };
  for (const entry of entries) {
    if (!entry.abbr.endsWith('.')) continue; // "D.ª", "n.º": the period is never followed by a space
    const followedBy = entry.followedBy === undefined ? undefined : new RegExp(`^(?:${entry.followedBy})`, 'u');
    const parts = entry.abbr.split(/\s+/);
    add(parts.join(''), { canEnd: entry.canEndSentence === true, followedBy });
    for (let k = 1; k < parts.length; k++) {
      const rest = parts.slice(k).map(escapeRegExp).join(String.raw`\s*`);
      add(parts.slice(0, k).join(''), { canEnd: false, followedBy: new RegExp(String.raw`^\s*${rest}`, 'u') });
    }
  }
  // Conditional readings first: "Cap. IV" (capítulo) before "Cap." (capitán).
  for (const values of table.values()) {
    values.sort((a, b) => Number(Boolean(b.followedBy)) - Number(Boolean(a.followedBy)));
  }
  return table;
}

const SPANISH_TABLE = buildTable([...SPANISH_ABBREVIATIONS, ...SPANISH_EXTRAS]);
const ENGLISH_TABLE = buildTable(ENGLISH_ENTRIES);

// The characters String.prototype.trim removes (ECMAScript WhiteSpace and LineTerminator), as `\s` matches.
function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

function isWordChar(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
  if (code >= 0xd800 && code <= 0xdbff) return true; // astral: letters, ideographs, emoji
  return WORD_CHAR.test(text[i]!);
}

/** Whether the text from `i` (just after whitespace) opens a sentence: its first word is not lowercase. */
function startsSentence(text: string, i: number): boolean {
  let j = i;
  while (j < text.length && (OPENERS.has(text[j]!) || isSpace(text.charCodeAt(j)))) j++;
  if (j === text.length) return false; // only opening marks left: they stay with this sentence
  if (CONTINUATIONS.has(text[j]!)) return false;
  return !LOWERCASE.test(String.fromCodePoint(text.codePointAt(j)!));
}

/** Start of the run of letters and periods that ends at `end` (exclusive), or -1 when longer than MAX_TOKEN. */
function tokenStartBefore(text: string, end: number): number {
  let i = end;
  while (i > 0 && TOKEN_CHAR.test(text[i - 1]!)) {
    i--;
    if (end - i > MAX_TOKEN) return -1;
  }
  while (i < end && text[i] === '.') i++;
  return i;
}

/** The word before `tokenStart` when only whitespace separates them and it ends in a period ("p." of "p. ej."). */
function previousToken(text: string, tokenStart: number): string | undefined {
  let end = tokenStart;
  while (end > 0 && end > tokenStart - 3 && isSpace(text.charCodeAt(end - 1))) end--;
  if (end === tokenStart || text[end - 1] !== '.') return undefined;
  const start = tokenStartBefore(text, end);
  return start >= 0 && start < end ? text.slice(start, end) : undefined;
}

function lookup(table: AbbreviationTable, key: string, after: string): Abbreviation | undefined {
  return table.get(key)?.find((entry) => entry.followedBy === undefined || entry.followedBy.test(after));
}

/** "sr." and "SR." as "Sr.", "Pág." as "pág.": Spanish texts are not consistent about case. */
function lookupAnyCase(table: AbbreviationTable, key: string, after: string): Abbreviation | undefined {
  const capitalised = key.charAt(0).toUpperCase() + key.slice(1).toLowerCase();
  return lookup(table, key, after) ?? lookup(table, capitalised, after) ?? lookup(table, key.toLowerCase(), after);
}

/** A single capital before a period is an initial ("J. R. R. Tolkien", "D. Manuel") unless read otherwise. */
function singleCapitalEnds(text: string, tokenStart: number, dot: number, english: boolean): boolean {
  const windowStart = Math.max(0, tokenStart - WINDOW);
  const windowEnd = Math.min(text.length, dot + WINDOW);
  // A sentinel letter stands for the cut-off text, as in text-window.ts.
  const before = (windowStart > 0 ? 'x' : '') + text.slice(windowStart, tokenStart);
  const after = text.slice(dot, windowEnd) + (windowEnd < text.length ? 'x' : '');
  const token = text.slice(tokenStart, dot);
  // "Capítulo I. El hidalgo", "Carlos V. El emperador", a heading "I. Donde se cuenta …".
  if (romanNumeralContext(before, token, after) !== null) return true;
  // Another initial follows: "I. M. Pei", "a V. M. muchos años".
  if (ANOTHER_INITIAL.test(after)) return false;
  // English "than I. She …".
  if (english) return token === 'I';
  // "Ya lo sabe V. Ahora …": V. after a lowercase word is usted, which may close a sentence.
  return token === 'V' && AFTER_LOWERCASE_WORD.test(before);
}

/** Whether the single period at `dot`, followed by whitespace and a sentence start, ends the sentence. */
function periodEnds(text: string, dot: number, table: AbbreviationTable, english: boolean): boolean {
  const tokenStart = tokenStartBefore(text, dot);
  if (tokenStart < 0 || tokenStart === dot) return true; // a long word, a number, a closing dash
  const token = text.slice(tokenStart, dot);
  const after = text.slice(dot + 1, dot + 1 + WINDOW);
  const previous = previousToken(text, tokenStart);
  if (previous !== undefined) {
    const spaced = lookup(table, `${previous}${token}.`, after);
    if (spaced) return spaced.canEnd;
  }
  if (SINGLE_CAPITAL.test(token)) return singleCapitalEnds(text, tokenStart, dot, english);
  // Case-folding single letters would read "d." as "D." (don).
  const entry =
    english || token.length < 2 ? lookup(table, `${token}.`, after) : lookupAnyCase(table, `${token}.`, after);
  if (entry) return entry.canEnd;
  return !INITIALS.test(token);
}

/**
 * Splits one paragraph into sentences with their UTF-16 offsets: `paragraph.slice(start, end).trim() === text`,
 * in order, together covering every non-space character once. `language` is an ISO 639-3 code; 'eng' uses
 * English abbreviations, anything else the Spanish ones. Linear in the paragraph's length; never throws.
 */
export function splitSentences(paragraph: string, language = 'spa'): SentenceSpan[] {
  const english = language === 'eng';
  const table = english ? ENGLISH_TABLE : SPANISH_TABLE;
  const n = paragraph.length;
  const cuts: number[] = [];
  // A sentence needs a letter or digit: a leading "..." or a lone "—" joins its neighbour.
  let hasWord = false;
  let i = 0;
  while (i < n) {
    if (!TERMINATORS.has(paragraph[i]!)) {
      if (!hasWord && isWordChar(paragraph, i)) hasWord = true;
      i++;
      continue;
    }
    const run = i;
    let terminators = 0;
    while (i < n && (TERMINATORS.has(paragraph[i]!) || CLOSERS.has(paragraph[i]!))) {
      if (TERMINATORS.has(paragraph[i]!)) terminators++;
      i++;
    }
    if (!hasWord || i === n || !isSpace(paragraph.charCodeAt(i))) continue;
    let next = i;
    while (next < n && isSpace(paragraph.charCodeAt(next))) next++;
    if (!startsSentence(paragraph, next)) continue;
    if (terminators === 1 && paragraph[run] === '.' && !periodEnds(paragraph, run, table, english)) continue;
    cuts.push(i);
    hasWord = false;
  }
  if (!hasWord) cuts.pop(); // trailing marks without a word stay with the last sentence

  const spans: SentenceSpan[] = [];
  let from = 0;
  for (const to of [...cuts, n]) {
    let start = from;
    let end = to;
    while (start < end && isSpace(paragraph.charCodeAt(start))) start++;
    while (end > start && isSpace(paragraph.charCodeAt(end - 1))) end--;
    if (end > start) spans.push({ text: paragraph.slice(start, end), start, end });
    from = to;
  }
  return spans;
}
