import { parseRoman } from './roman-numerals.ts';
import { romanNumeralContext, type RomanNumeralContext } from './roman-numeral-context.ts';
import { capitaliseFirst } from './sentence-start.ts';
import { textAfter, textBefore } from './text-window.ts';
import { verbalizeSpanishNumber } from './spanish-numbers.ts';
import { verbalizeSpanishOrdinal } from './spanish-ordinals.ts';

const CANDIDATE = /(?<![\p{L}\p{N}])(?:[IVXLCDM]+|[ivxlcdm]+)(?![\p{L}\p{N}])/gu;

// Kings, popes and chapters: ordinal up to ten, cardinal above (Alfonso XIII → trece). Centuries: cardinal.
function verbalize(value: number, context: RomanNumeralContext): string {
  if (context.kind === 'century' || value > 10) return verbalizeSpanishNumber(value);
  return verbalizeSpanishOrdinal(value, context.gender);
}

/**
 * Replaces Roman numerals whose context says they are numbers (see romanNumeralContext): "siglo XIX" →
 * "siglo diecinueve", "Carlos V" → "Carlos quinto", "Alfonso XIII" → "Alfonso trece", "capítulo IV" →
 * "capítulo cuarto", a heading line "IV." → "Cuarto.". Anything else ("I" in English, "vi", "mi") is kept.
 */
export function expandSpanishRomanNumerals(text: string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(CANDIDATE)) {
    const token = match[0];
    const end = match.index + token.length;
    const context = romanNumeralContext(textBefore(text, match.index), token, textAfter(text, end));
    if (context === null) continue;
    const value = parseRoman(token, { lowercase: true })!;
    let words = verbalize(value, context);
    if (context.upper) words = words.toLocaleUpperCase('es');
    else if (context.kind === 'ordinal' && context.heading) words = capitaliseFirst(words);
    out += text.slice(last, match.index) + words;
    last = end;
  }
  return out + text.slice(last);
}
