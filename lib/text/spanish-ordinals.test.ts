import { describe, expect, it } from 'vitest';
import type { SpanishGender } from './spanish-numbers.ts';
import { verbalizeSpanishOrdinal } from './spanish-ordinals.ts';

describe('verbalizeSpanishOrdinal', () => {
  it.each<[number, SpanishGender, boolean, string]>([
    [1, 'masculine', false, 'primero'],
    [1, 'masculine', true, 'primer'],
    [1, 'feminine', false, 'primera'],
    [1, 'feminine', true, 'primera'],
    [2, 'masculine', false, 'segundo'],
    [2, 'feminine', false, 'segunda'],
    [2, 'masculine', true, 'segundo'],
    [3, 'masculine', false, 'tercero'],
    [3, 'masculine', true, 'tercer'],
    [3, 'feminine', false, 'tercera'],
    [4, 'masculine', false, 'cuarto'],
    [5, 'masculine', false, 'quinto'],
    [6, 'masculine', false, 'sexto'],
    [7, 'masculine', false, 'séptimo'],
    [7, 'feminine', false, 'séptima'],
    [8, 'masculine', false, 'octavo'],
    [9, 'masculine', false, 'noveno'],
    [10, 'masculine', false, 'décimo'],
    [10, 'feminine', false, 'décima'],
    [11, 'masculine', false, 'undécimo'],
    [12, 'feminine', false, 'duodécima'],
    [13, 'masculine', false, 'decimotercero'],
    [13, 'masculine', true, 'decimotercer'],
    [13, 'feminine', false, 'decimotercera'],
    [14, 'masculine', false, 'decimocuarto'],
    [17, 'masculine', false, 'decimoséptimo'],
    [18, 'masculine', false, 'decimoctavo'],
    [19, 'feminine', false, 'decimonovena'],
    [20, 'masculine', false, 'vigésimo'],
    [21, 'masculine', false, 'vigésimo primero'],
    [21, 'masculine', true, 'vigésimo primer'],
    [21, 'feminine', false, 'vigésima primera'],
    [23, 'masculine', true, 'vigésimo tercer'],
    [30, 'masculine', false, 'trigésimo'],
    [44, 'masculine', false, 'cuadragésimo cuarto'],
    [55, 'feminine', false, 'quincuagésima quinta'],
    [66, 'masculine', false, 'sexagésimo sexto'],
    [78, 'masculine', false, 'septuagésimo octavo'],
    [89, 'masculine', false, 'octogésimo noveno'],
    [99, 'masculine', false, 'nonagésimo noveno'],
    [100, 'masculine', false, 'centésimo'],
    [101, 'masculine', false, 'centésimo primero'],
    [121, 'feminine', false, 'centésima vigésima primera'],
    [500, 'masculine', false, 'quingentésimo'],
    [1000, 'masculine', false, 'milésimo'],
  ])('%i %s apocope=%s → %s', (n, gender, apocope, expected) => {
    expect(verbalizeSpanishOrdinal(n, gender, apocope)).toBe(expected);
  });

  it('defaults to the masculine full form', () => {
    expect(verbalizeSpanishOrdinal(1)).toBe('primero');
  });

  it.each([0, -1, 1001, 2.5])('rejects %s', (n) => {
    expect(() => verbalizeSpanishOrdinal(n)).toThrow(RangeError);
  });
});
