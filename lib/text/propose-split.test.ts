import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.ts';
import type { Paragraph } from './ebook-types.ts';
import { moveSplitBoundary, moveSplitEnd, proposeSplit } from './propose-split.ts';
import { catchAppError as catchError } from '../testing/catch-app-error.ts';

const P = (chars = 100): Paragraph => ({ text: 'a'.repeat(chars), kind: 'prose' });
const H = (text = 'CAPÍTULO'): Paragraph => ({ text, kind: 'heading' });

/** A chapter: heading plus `n` paragraphs of `chars` characters. */
const chapter = (n: number, chars = 100): Paragraph[] => [H(), ...Array.from({ length: n }, () => P(chars))];

function expectValid(starts: number[], parts: number, paragraphCount: number) {
  expect(starts).toHaveLength(parts);
  expect(starts[0]).toBe(0);
  for (let i = 1; i < starts.length; i++) expect(starts[i]!).toBeGreaterThan(starts[i - 1]!);
  expect(starts.at(-1)!).toBeLessThan(paragraphCount);
}

describe('proposeSplit', () => {
  it.each<[string, Paragraph[], number, number[] | undefined, number[]]>([
    ['headings == parts', [...chapter(3), ...chapter(5), ...chapter(2)], 3, undefined, [0, 4, 10]],
    // Durations do not matter when the chapters match the audio files one to one.
    ['headings == parts, odd durations', [...chapter(3), ...chapter(5), ...chapter(2)], 3, [10, 1, 1], [0, 4, 10]],
    ['preface joins the first chapter', [P(), P(), ...chapter(3), ...chapter(3)], 2, undefined, [0, 6]],
    ['preface is its own part', [P(), P(), ...chapter(3), ...chapter(3)], 3, undefined, [0, 2, 6]],
    ['part + chapter headings count as one cut', [H('PARTE'), ...chapter(2), ...chapter(2), H('PARTE'), ...chapter(2)], 3, undefined, [0, 4, 7]],
    ['more chapters than files: by duration', [...chapter(4), ...chapter(4), ...chapter(4), ...chapter(4)], 2, [3, 1], [0, 15]],
    ['more chapters than files: equal', [...chapter(4), ...chapter(4), ...chapter(4), ...chapter(4)], 2, undefined, [0, 10]],
    ['no headings, equal weights', Array.from({ length: 12 }, () => P()), 3, undefined, [0, 4, 8]],
    ['no headings, weights 1:3', Array.from({ length: 12 }, () => P()), 2, [1, 3], [0, 3]],
    ['no headings, seconds as weights', Array.from({ length: 10 }, () => P()), 2, [120.5, 481.9], [0, 2]],
    ['no headings, uneven paragraphs', [P(900), P(100), P(100), P(900)], 2, undefined, [0, 2]],
    ['one part', [...chapter(2), ...chapter(2)], 1, undefined, [0]],
    ['as many parts as paragraphs', [P(), P(), P()], 3, undefined, [0, 1, 2]],
  ])('%s', (_name, paragraphs, parts, weights, expected) => {
    const starts = proposeSplit(paragraphs, parts, weights ? { weights } : undefined);
    expect(starts).toEqual(expected);
    expectValid(starts, parts, paragraphs.length);
  });

  it('with too few headings, prefers one near a target over an exact paragraph boundary', () => {
    // 30 paragraphs, 3 parts: the ideal cuts are 10 and 20.
    const near = Array.from({ length: 30 }, (_, i) => (i === 9 ? H() : P()));
    expect(proposeSplit(near, 3)).toEqual([0, 9, 20]);
    // A heading far from any target is ignored.
    const far = Array.from({ length: 30 }, (_, i) => (i === 2 ? H('C'.repeat(100)) : P()));
    expect(proposeSplit(far, 3)).toEqual([0, 10, 20]);
  });

  it('uses the headings there are and fills in the rest by length', () => {
    const paragraphs = [...chapter(9), ...chapter(9)];
    const starts = proposeSplit(paragraphs, 4);
    expectValid(starts, 4, paragraphs.length);
    expect(starts).toContain(10);
  });

  it('keeps the invariants on random books', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let trial = 0; trial < 200; trial++) {
      const n = 1 + Math.floor(rand() * 40);
      const paragraphs = Array.from({ length: n }, () => (rand() < 0.2 ? H() : P(1 + Math.floor(rand() * 500))));
      const parts = 1 + Math.floor(rand() * n);
      const weights = Array.from({ length: parts }, () => rand() * 100);
      const starts = proposeSplit(paragraphs, parts, { weights });
      expectValid(starts, parts, n);
      expect(proposeSplit(paragraphs, parts, { weights })).toEqual(starts);
    }
  });

  it('refuses fewer paragraphs than audio files, saying how many of each', () => {
    const error = catchError(() => proposeSplit([P(), P()], 5));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toMatch(/2 paragraphs.*5 audio files/);
  });

  it.each<[string, number, number[] | undefined]>([
    ['zero parts', 0, undefined],
    ['fractional parts', 1.5, undefined],
    ['wrong number of weights', 2, [1]],
    ['negative weight', 2, [1, -1]],
    ['NaN weight', 2, [1, Number.NaN]],
  ])('rejects %s', (_name, parts, weights) => {
    expect(catchError(() => proposeSplit([P(), P(), P()], parts, weights ? { weights } : undefined)).code).toBe('INVALID_INPUT');
  });
});

describe('moveSplitBoundary', () => {
  it.each([
    [[0, 4, 8], 1, 2, [0, 2, 8]],
    [[0, 4, 8], 1, 7, [0, 7, 8]],
    [[0, 4, 8], 2, 9, [0, 4, 9]],
    [[0, 4, 8], 2, 5, [0, 4, 5]],
    // part 1 after front matter, and back again
    [[0, 4, 8], 0, 3, [3, 4, 8]],
    [[2, 4, 8], 0, 0, [0, 4, 8]],
    [[1, 4, 8], 1, 2, [1, 2, 8]],
  ])('%j: part %i to %i', (starts, part, to, expected) => {
    expect(moveSplitBoundary(starts, part, to, 10)).toEqual(expected);
    expect(starts).toEqual(starts.slice()); // input untouched
  });

  it.each<[string, number[], number, number, number]>([
    ['part 1 onto part 2', [0, 4, 8], 0, 4, 10],
    ['part 1 before the text', [0, 4, 8], 0, -1, 10],
    ['onto the previous start', [0, 4, 8], 1, 0, 10],
    ['onto the next start', [0, 4, 8], 1, 8, 10],
    ['past the end', [0, 4, 8], 2, 10, 10],
    ['a part that does not exist', [0, 4, 8], 3, 9, 10],
    ['a fractional paragraph', [0, 4, 8], 1, 2.5, 10],
    ['a negative start', [-1, 4, 8], 1, 5, 10],
    ['starts out of order', [0, 8, 4], 1, 5, 10],
    ['starts beyond the text', [0, 4, 12], 1, 5, 10],
  ])('rejects %s', (_name, starts, part, to, count) => {
    const error = catchError(() => moveSplitBoundary(starts, part, to, count));
    expect(error.code).toBe('INVALID_INPUT');
  });
});

describe('moveSplitBoundary with an end before the last paragraph (back matter left out)', () => {
  it('keeps the last part before the end', () => {
    expect(moveSplitBoundary([0, 4, 8], 2, 6, 12, 9)).toEqual([0, 4, 6]);
    expect(catchError(() => moveSplitBoundary([0, 4, 8], 2, 9, 12, 9)).code).toBe('INVALID_INPUT');
    expect(catchError(() => moveSplitBoundary([0, 4, 8], 1, 5, 12, 13)).code).toBe('INVALID_INPUT');
  });
});

describe('moveSplitEnd', () => {
  it.each([
    [[0, 4, 8], 8, 10, 9],
    [[0, 4, 8], 9, 10, 10],
    [[0, 4, 8], 11, 12, 12],
  ])('%j: last part ends at %i of %i → end %i', (starts, last, count, expected) => {
    expect(moveSplitEnd(starts, last, count)).toBe(expected);
  });

  it.each<[string, number[], number, number]>([
    ['before the last start', [0, 4, 8], 7, 10],
    ['past the text', [0, 4, 8], 10, 10],
    ['a fractional paragraph', [0, 4, 8], 8.5, 10],
  ])('rejects %s', (_name, starts, last, count) => {
    expect(catchError(() => moveSplitEnd(starts, last, count)).code).toBe('INVALID_INPUT');
  });
});
