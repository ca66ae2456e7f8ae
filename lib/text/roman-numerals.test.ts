import { describe, expect, it } from 'vitest';
import { parseRoman } from './roman-numerals.ts';

describe('parseRoman', () => {
  it.each([
    ['I', 1],
    ['IV', 4],
    ['V', 5],
    ['IX', 9],
    ['XIV', 14],
    ['XIX', 19],
    ['XXIII', 23],
    ['XL', 40],
    ['XC', 90],
    ['CD', 400],
    ['MI', 1001],
    ['MDCCCVIII', 1808],
    ['MCMXC', 1990],
    // Archaic additive forms found in old books.
    ['IIII', 4],
    ['VIIII', 9],
    ['XIIII', 14],
    ['XXXX', 40],
    ['CCCC', 400],
  ])('%s → %i', (numeral, value) => {
    expect(parseRoman(numeral)).toBe(value);
  });

  it.each(['', 'IIIII', 'VV', 'IC', 'IL', 'MIM', 'XM', 'ABC', 'vid', 'iv', 'Iv', '12', 'I V'])(
    'rejects %j',
    (text) => {
      expect(parseRoman(text)).toBeNull();
    },
  );

  it('accepts lowercase only when asked, and never mixed case', () => {
    expect(parseRoman('xiv', { lowercase: true })).toBe(14);
    expect(parseRoman('iiii', { lowercase: true })).toBe(4);
    expect(parseRoman('Xiv', { lowercase: true })).toBeNull();
    expect(parseRoman('XIV', { lowercase: true })).toBe(14);
  });
});
