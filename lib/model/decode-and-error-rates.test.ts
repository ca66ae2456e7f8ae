import { describe, expect, it } from 'vitest';
import { errorRates, levenshtein } from './error-rates.ts';
import { greedyDecode } from './greedy-decode.ts';

/** Scores that make `path` the argmax of each frame. */
const scoresFor = (path: number[], vocab: number) => path.flatMap((p) => Array.from({ length: vocab }, (_, v) => (v === p ? 1 : 0)));

describe('greedyDecode', () => {
  it.each([
    [[0, 1, 1, 0, 2, 2, 2, 0], [1, 2]],
    [[1, 1, 0, 1, 0, 0], [1, 1]],
    [[0, 0, 0], []],
    [[3, 2, 3], [3, 2, 3]],
    [[1, 0, 0, 1, 1, 2], [1, 1, 2]],
  ])('decodes the path %j to %j', (path, expected) => {
    expect(greedyDecode(scoresFor(path, 4), path.length, 4)).toEqual(expected);
  });

  it('reads only the first `frames` frames', () => {
    expect(greedyDecode(scoresFor([1, 2, 3, 3], 4), 2, 4)).toEqual([1, 2]);
  });
});

describe('errorRates', () => {
  it.each([
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
    ['abc', '', 3],
    ['flaw', 'lawn', 2],
    ['same', 'same', 0],
  ])('levenshtein(%s, %s) = %i', (a, b, d) => {
    expect(levenshtein([...a], [...b])).toBe(d);
  });

  it.each([
    [['hola mundo'], ['hola mundo'], 0, 0],
    [['hola mundo'], ['hola mando'], 1 / 10, 1 / 2],
    [['el niño come'], ['el nino come'], 1 / 12, 1 / 3],
    [['a b c d'], ['a c d'], 2 / 7, 1 / 4],
    [['uno', 'dos tres'], ['uno', 'dos tres cuatro'], 7 / 11, 1 / 3],
  ])('%j vs %j → CER %d, WER %d', (refs, hyps, cer, wer) => {
    const r = errorRates(refs, hyps);
    expect(r.cer).toBeCloseTo(cer, 10);
    expect(r.wer).toBeCloseTo(wer, 10);
  });

  it('counts code points, not UTF-16 units, and ignores extra whitespace between words', () => {
    expect(errorRates(['ñandú'], ['nandu']).charEdits).toBe(2);
    expect(errorRates(['a  b'], [' a b ']).wer).toBe(0);
  });
});
