import { expandSpanish } from './expand-spanish.ts';

/** Characters of a transcript, space first; the export's vocab.txt is built from this string. */
export const TRANSCRIPT_ALPHABET = ' abcdefghijklmnopqrstuvwxyzñáéíóúü';

const ALLOWED = new Set(TRANSCRIPT_ALPHABET);

// Old spellings modernised so that one word has one transcript form: 19th-century accents on monosyllables
// (fué, dió, á) and the RAE 2010 rules (rio, guion, solo, este without accent).
const MODERN_SPELLING: Readonly<Record<string, string>> = {
  fué: 'fue', fuí: 'fui', dió: 'dio', vió: 'vio', ví: 'vi', dí: 'di', tí: 'ti', pié: 'pie', piés: 'pies',
  rió: 'rio', lió: 'lio', crió: 'crio', guió: 'guio', fié: 'fie', huí: 'hui', guión: 'guion',
  á: 'a', é: 'e', ó: 'o', ú: 'u',
  sólo: 'solo', éste: 'este', ésta: 'esta', éstos: 'estos', éstas: 'estas',
  ése: 'ese', ésa: 'esa', ésos: 'esos', ésas: 'esas',
  aquél: 'aquel', aquélla: 'aquella', aquéllos: 'aquellos', aquéllas: 'aquellas',
};

function keepLetter(char: string): string {
  if (ALLOWED.has(char)) return char;
  // Foreign letters lose their marks (à → a, ç → c); anything else (digits, punctuation, dashes) is a space.
  const base = char.normalize('NFD').replace(/\p{M}/gu, '');
  return /^[a-z]+$/.test(base) ? base : ' ';
}

/**
 * The transcript of a Spanish text (MLS-style): expandSpanish, lowercase, old spelling modernised, then only
 * the letters of TRANSCRIPT_ALPHABET separated by single spaces.
 */
export function normaliseSpanish(text: string): string {
  const lower = expandSpanish(text).toLocaleLowerCase('es').normalize('NFC');
  const letters = Array.from(lower, keepLetter).join('');
  return letters
    .split(' ')
    .filter((word) => word !== '')
    .map((word) => MODERN_SPELLING[word] ?? word)
    .join(' ');
}
