import { expandSpanishDigits } from './expand-spanish-digits.ts';
import { expandSpanishRomanNumerals } from './expand-spanish-roman-numerals.ts';
import { expandSpanishAbbreviations } from './spanish-abbreviations.ts';
import { stripGutenbergMarkup } from './strip-gutenberg-markup.ts';

/**
 * The readable expanded text of a Spanish paragraph: NFC, Gutenberg markup removed, abbreviations, Roman
 * numerals (by context) and arabic numbers written out. Case and punctuation are kept.
 *
 * Order matters: abbreviations first so that "cap. IV" / "t. II" become "capítulo IV" / "tomo II" for the
 * Roman pass (which also leaves "Carlos V." alone for it); numbers last, so that "21 págs." agrees with
 * "páginas".
 */
export function expandSpanish(text: string): string {
  let result = stripGutenbergMarkup(text.normalize('NFC').replace(/\r\n?/g, '\n'));
  result = expandSpanishAbbreviations(result);
  result = expandSpanishRomanNumerals(result);
  result = expandSpanishDigits(result);
  return result;
}
