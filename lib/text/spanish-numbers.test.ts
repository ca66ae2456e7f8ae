import { describe, expect, it } from 'vitest';
import { verbalizeSpanishDecimal, verbalizeSpanishNumber, type SpanishNumberOptions } from './spanish-numbers.ts';

const F: SpanishNumberOptions = { gender: 'feminine' };
const AP: SpanishNumberOptions = { apocope: true };

describe('verbalizeSpanishNumber', () => {
  it.each<[number | bigint, SpanishNumberOptions, string]>([
    [0, {}, 'cero'],
    [1, {}, 'uno'],
    [1, AP, 'un'],
    [1, F, 'una'],
    [1, { gender: 'feminine', apocope: true }, 'una'],
    [15, {}, 'quince'],
    [16, {}, 'dieciséis'],
    [21, {}, 'veintiuno'],
    [21, AP, 'veintiún'],
    [21, F, 'veintiuna'],
    [22, {}, 'veintidós'],
    [23, {}, 'veintitrés'],
    [26, {}, 'veintiséis'],
    [29, {}, 'veintinueve'],
    [30, {}, 'treinta'],
    [31, {}, 'treinta y uno'],
    [31, AP, 'treinta y un'],
    [31, F, 'treinta y una'],
    [41, F, 'cuarenta y una'],
    [99, {}, 'noventa y nueve'],
    [100, {}, 'cien'],
    [100, F, 'cien'],
    [101, {}, 'ciento uno'],
    [101, AP, 'ciento un'],
    [101, F, 'ciento una'],
    [110, {}, 'ciento diez'],
    [115, {}, 'ciento quince'],
    [200, {}, 'doscientos'],
    [200, F, 'doscientas'],
    [500, {}, 'quinientos'],
    [500, F, 'quinientas'],
    [555, {}, 'quinientos cincuenta y cinco'],
    [700, {}, 'setecientos'],
    [777, F, 'setecientas setenta y siete'],
    [900, {}, 'novecientos'],
    [999, {}, 'novecientos noventa y nueve'],
    [1000, {}, 'mil'],
    [1001, {}, 'mil uno'],
    [1001, F, 'mil una'],
    [1100, {}, 'mil cien'],
    [1500, {}, 'mil quinientos'],
    [1500, F, 'mil quinientas'],
    [1808, {}, 'mil ochocientos ocho'],
    [1492, {}, 'mil cuatrocientos noventa y dos'],
    [2000, {}, 'dos mil'],
    [2024, {}, 'dos mil veinticuatro'],
    [21000, {}, 'veintiún mil'],
    [21000, F, 'veintiuna mil'],
    [31000, {}, 'treinta y un mil'],
    [100000, {}, 'cien mil'],
    [100100, {}, 'cien mil cien'],
    [101000, {}, 'ciento un mil'],
    [200000, {}, 'doscientos mil'],
    [200000, F, 'doscientas mil'],
    [221221, F, 'doscientas veintiuna mil doscientas veintiuna'],
    [1000000, {}, 'un millón'],
    [1000001, {}, 'un millón uno'],
    [2000000, {}, 'dos millones'],
    [21000000, {}, 'veintiún millones'],
    [200000000, F, 'doscientos millones'],
    [1000000000, {}, 'mil millones'],
    [2500000000, {}, 'dos mil quinientos millones'],
    [21000000000, {}, 'veintiún mil millones'],
    [
      999_999_999_999,
      {},
      'novecientos noventa y nueve mil novecientos noventa y nueve millones novecientos noventa y nueve mil novecientos noventa y nueve',
    ],
    [10n ** 12n, {}, 'un billón'],
    [2n * 10n ** 12n + 1n, {}, 'dos billones uno'],
    [-5, {}, 'menos cinco'],
  ])('%s %o → %s', (n, opts, expected) => {
    expect(verbalizeSpanishNumber(n, opts)).toBe(expected);
  });

  it('rejects non-integers and numbers past the cuatrillones', () => {
    expect(() => verbalizeSpanishNumber(1.5)).toThrow(RangeError);
    expect(() => verbalizeSpanishNumber(10n ** 30n)).toThrow(RangeError);
  });
});

describe('verbalizeSpanishDecimal', () => {
  it.each([
    ['3,5', 'tres coma cinco'],
    ['0,75', 'cero coma setenta y cinco'],
    ['2,05', 'dos coma cero cinco'],
    ['21,1', 'veintiuno coma uno'],
    ['1.250,5', 'mil doscientos cincuenta coma cinco'],
    ['-0,5', 'menos cero coma cinco'],
  ])('%s → %s', (text, expected) => {
    expect(verbalizeSpanishDecimal(text)).toBe(expected);
  });

  it('rejects text that is not a decimal', () => {
    expect(() => verbalizeSpanishDecimal('3.5')).toThrow(RangeError);
  });
});
