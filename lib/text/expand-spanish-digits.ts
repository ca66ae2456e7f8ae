import { capitaliseFirst, isSentenceStart } from './sentence-start.ts';
import { agreementWithFollowing } from './spanish-noun-agreement.ts';
import { verbalizeSpanishDecimal, verbalizeSpanishNumber } from './spanish-numbers.ts';
import { verbalizeSpanishOrdinal } from './spanish-ordinals.ts';
import { OutputBuffer, textAfter, textBefore } from './text-window.ts';

// Ordinal abbreviations (1.º 1.ª 1.er 2.os, also without the period and with ° for º), then numbers with
// "." grouping thousands and "," for decimals (RAE), then an optional percent sign.
const ORDINAL = String.raw`(\d+)(\.?[º°ª]|\.?er|\.os|\.as)(?![\p{L}\p{N}])`;
const CARDINAL = String.raw`(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?(?!\d)([^\S\n]?%)?`;
const NUMBER = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${ORDINAL}|${CARDINAL})`, 'gu');
const FOLLOWING_WORDS = /^\s+(\p{L}+)(?:\s+(\p{L}+))?/u;
const DIGIT_NAMES = ['cero', 'uno', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve'];

const spellDigits = (digits: string): string => [...digits].map((d) => DIGIT_NAMES[Number(d)]!).join(' ');

function ordinal(digits: string, suffix: string, next: string | undefined, after: string | undefined): string {
  const n = Number(digits);
  if (n < 1 || n > 1000) return cardinal(digits, undefined, undefined, undefined);
  const mark = suffix.replace('.', '');
  if (mark === 'ª') return verbalizeSpanishOrdinal(n, 'feminine');
  if (mark === 'as') return verbalizeSpanishOrdinal(n, 'feminine').replace(/a(?= |$)/g, 'as');
  if (mark === 'os') return verbalizeSpanishOrdinal(n).replace(/o(?= |$)/g, 'os');
  if (mark === 'er') return verbalizeSpanishOrdinal(n, 'masculine', true);
  // "1.º piso" is read as the RAE writes it, "1.er piso": primer/tercer before a masculine noun.
  const agreement = agreementWithFollowing(next, after);
  return verbalizeSpanishOrdinal(n, 'masculine', agreement.apocope && agreement.gender === 'masculine');
}

function cardinal(
  digits: string,
  previous: string | undefined,
  next: string | undefined,
  after: string | undefined,
): string {
  if (digits.length > 1 && digits.startsWith('0')) return spellDigits(digits); // "007"
  if (digits.length > 30) return spellDigits(digits);
  const value = BigInt(digits);
  const following = agreementWithFollowing(next, after);
  // No noun after it, but a feminine article before: hours and elided nouns ("a la 1" → "a la una").
  const agreement =
    !following.apocope && (previous === 'la' || previous === 'las')
      ? { ...following, gender: 'feminine' as const }
      : following;
  // A bare four-digit number 1000–2099 is a year ("en 1808 llegaron"), read as a plain cardinal, unless a
  // plural noun follows ("1200 mujeres").
  const isYear = /^\d{4}$/.test(digits) && value >= 1000n && value <= 2099n;
  if (isYear && !(agreement.apocope && next !== undefined && /s$/u.test(next))) {
    return verbalizeSpanishNumber(value);
  }
  const words = verbalizeSpanishNumber(value, { gender: agreement.gender, apocope: agreement.apocope });
  // Feminine nouns with stressed /a/ take "un": "un alma", "veintiún águilas".
  if (agreement.tonicA && value % 10n === 1n && value % 100n !== 11n) {
    return words.replace(/veintiuna$/, 'veintiún').replace(/(^| )una$/, '$1un');
  }
  return words;
}

/** Writes out the arabic numbers of a Spanish text, with gender and apocope taken from the next word. */
export function expandSpanishDigits(text: string): string {
  const out = new OutputBuffer();
  let last = 0;
  for (const match of text.matchAll(NUMBER)) {
    const [whole, ordinalDigits, ordinalSuffix, digits, decimals, percent] = match;
    const index = match.index;
    const end = index + whole.length;
    const rest = textAfter(text, end);
    const following = FOLLOWING_WORDS.exec(rest);
    const next = following?.[1];
    const after = following?.[2];

    let words: string;
    if (ordinalDigits !== undefined) {
      words = ordinal(ordinalDigits, ordinalSuffix!, next, after);
    } else if (decimals !== undefined) {
      words =
        digits!.length > 30 || decimals.length > 30
          ? `${spellDigits(digits!.replaceAll('.', ''))} coma ${spellDigits(decimals)}`
          : verbalizeSpanishDecimal(`${digits!},${decimals}`);
    } else if (percent !== undefined) {
      words = cardinal(digits!.replaceAll('.', ''), undefined, undefined, undefined);
    } else {
      const previous = /(\p{L}+)\s+$/u.exec(textBefore(text, index))?.[1]?.toLowerCase();
      words = cardinal(digits!.replaceAll('.', ''), previous, next, after);
    }
    if (percent !== undefined) words += ' por ciento';
    out.append(text.slice(last, index));
    if (isSentenceStart(out.tail())) words = capitaliseFirst(words);
    // "10km": keep the number and the unit apart.
    if (/^\p{L}/u.test(rest)) words += ' ';
    out.append(words);
    last = end;
  }
  out.append(text.slice(last));
  return out.toString();
}
