import { parseRoman } from './roman-numerals.ts';
import { REGNAL_NAMES } from './spanish-regnal-names.ts';
import type { SpanishGender } from './spanish-numbers.ts';

export type RomanNumeralContext =
  /** "siglo XIX": read as a cardinal. */
  | { kind: 'century'; upper: boolean }
  /** Kings, popes, chapters, headings: ordinal up to ten, cardinal above. */
  | { kind: 'ordinal'; gender: SpanishGender; upper: boolean; heading: boolean };

const CENTURY_NOUNS = new Set(['siglo', 'siglos']);

// Nouns after which a numeral is a chapter/part number, with the gender of the ordinal ("parte segunda").
const DIVISION_NOUNS: ReadonlyMap<string, SpanishGender> = new Map([
  ...[
    'capítulo', 'capítulos', 'capitulo', 'capitulos', 'tomo', 'tomos', 'libro', 'libros', 'canto', 'cantos',
    'tratado', 'tratados', 'acto', 'actos', 'volumen', 'volúmenes', 'artículo', 'artículos', 'salmo', 'salmos',
  ].map((w) => [w, 'masculine'] as const),
  ...[
    'parte', 'partes', 'jornada', 'jornadas', 'escena', 'escenas', 'lección', 'lecciones', 'sección',
    'secciones', 'carta', 'cartas',
  ].map((w) => [w, 'feminine'] as const),
]);

// Lowercase words that are valid numerals but far likelier Spanish (or old "i" = "y"), even after "capítulo".
const LOWERCASE_WORDS = new Set(['i', 'mi', 'di', 'vi', 'c', 'd', 'l', 'm', 'mil', 'cd', 'dc', 'lid', 'mix']);

const WORD_BEFORE = /(\p{L}+)\s+$/u;
// "siglos XV y XVI", "capítulos III al V": the previous numeral gives the context.
const PREVIOUS_IN_LIST = /(?<![\p{L}\p{N}])([IVXLCDM]+|[ivxlcdm]+)(?![\p{L}\p{N}])\s*(?:,|y|e|o|u|a|al|-|–)\s*$/u;
const HEADING_ALONE = /^[^\S\n]*[.:\-—–]*[^\S\n]*(?:\n|$)/u;
const HEADING_WITH_TITLE = /^[^\S\n]*[.:\-—–]+\s*\p{Lu}/u;

const isAllCaps = (word: string): boolean => word.length > 1 && word === word.toUpperCase();

/**
 * Whether `token`, a would-be Roman numeral between `before` and `after`, is a number in context, and how to
 * read it. Contexts: after "siglo"; after a division noun (capítulo, tomo, parte …); after a king's or pope's
 * name (single letters I, V, X only after a known name: "Carlos V", but "Dígame V." is usted); a heading line
 * ("IV.", "XII. Donde se cuenta …"); the next item of a list of numerals in context. Lowercase numerals only
 * after "siglo" or a division noun, and never "vi", "mi", "di".
 */
export function romanNumeralContext(before: string, token: string, after: string): RomanNumeralContext | null {
  const isLower = token !== token.toUpperCase();
  if (parseRoman(token, { lowercase: isLower }) === null) return null;
  if (isLower && LOWERCASE_WORDS.has(token)) return null;

  const lineStart = before.lastIndexOf('\n') + 1;
  if (!isLower && before.slice(lineStart).trim() === '') {
    // A lone "V." or "D." opening a line of prose is usted/don, not a heading.
    const titled = HEADING_WITH_TITLE.test(after) && (token.length > 1 || token === 'I' || token === 'X');
    if (HEADING_ALONE.test(after) || titled) {
      return { kind: 'ordinal', gender: 'masculine', upper: false, heading: true };
    }
  }

  const wordBefore = WORD_BEFORE.exec(before)?.[1];
  const lowerBefore = wordBefore?.toLowerCase();
  if (wordBefore !== undefined && lowerBefore !== undefined) {
    if (CENTURY_NOUNS.has(lowerBefore)) return { kind: 'century', upper: isAllCaps(wordBefore) };
    const gender = DIVISION_NOUNS.get(lowerBefore);
    if (gender !== undefined) return { kind: 'ordinal', gender, upper: isAllCaps(wordBefore), heading: false };
  }

  const previous = PREVIOUS_IN_LIST.exec(before);
  if (previous && !/^[LCDM]$/i.test(token)) {
    const numeral = previous[1]!;
    const rest = before.slice(previous.index + numeral.length);
    const context = romanNumeralContext(before.slice(0, previous.index), numeral, rest);
    if (context !== null) return context.kind === 'ordinal' ? { ...context, heading: false } : context;
  }

  if (isLower || wordBefore === undefined || !/^\p{Lu}\p{Ll}+$/u.test(wordBefore)) return null;
  const regnalGender = REGNAL_NAMES.get(wordBefore);
  const singleLetterOk = /^[IVX]$/.test(token) && regnalGender !== undefined;
  // An unknown capitalised word followed by II…XXXIX is taken for a name ("Recaredo II", "Pío IX").
  if (singleLetterOk || (token.length > 1 && parseRoman(token)! < 40)) {
    return { kind: 'ordinal', gender: regnalGender ?? 'masculine', upper: false, heading: false };
  }
  return null;
}
