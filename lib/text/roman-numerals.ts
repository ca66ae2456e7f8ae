// Old books use additive forms (IIII, XIIII, VIIII, CCCC), so up to four repeats are accepted; anything
// else that is not a well-formed numeral (IIIII, VV, IC, MIM, "vid") is rejected.
const LENIENT_ROMAN = /^M{0,4}(?:CM|CD|D?C{0,4})(?:XC|XL|L?X{0,4})(?:IX|IV|V?I{0,4})$/;

const VALUES: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };

export interface ParseRomanOptions {
  /** Accept an all-lowercase numeral ("xiv"). Only when the context says it is a number: "vi", "mi", "di" are words. */
  lowercase?: boolean;
}

/** Value of a Roman numeral (1–4999), or null when `s` is not one. Mixed case is never accepted. */
export function parseRoman(s: string, opts: ParseRomanOptions = {}): number | null {
  let numeral = s;
  if (opts.lowercase && s === s.toLowerCase()) numeral = s.toUpperCase();
  if (numeral === '' || !LENIENT_ROMAN.test(numeral)) return null;
  let total = 0;
  for (let i = 0; i < numeral.length; i += 1) {
    const value = VALUES[numeral[i]!]!;
    const next = i + 1 < numeral.length ? VALUES[numeral[i + 1]!]! : 0;
    total += value < next ? -value : value;
  }
  return total;
}
