import { describe, expect, it } from 'vitest';
import { fitSentences } from './fit-sentences.ts';

const s = (...edges: Array<[number, number]>) => edges.map(([begin, end], i) => ({ text: `S${i + 1}.`, begin, end }));
const times = (xs: { begin: number; end: number }[]) => xs.map((x) => [x.begin, x.end]);

describe('fitSentences', () => {
  const three = s([10, 12], [12, 15], [15, 18]);

  it('leaves sentences that already fit the paragraph as they are (same objects)', () => {
    const out = fitSentences(three, 10, 18);
    expect(out).toEqual(three);
    out.forEach((x, i) => expect(x).toBe(three[i]));
  });

  it('moves the first begin and the last end with the paragraph; inner edges stay', () => {
    expect(times(fitSentences(three, 9.5, 18.4))).toEqual([[9.5, 12], [12, 15], [15, 18.4]]);
    expect(times(fitSentences(three, 10.5, 17))).toEqual([[10.5, 12], [12, 15], [15, 17]]);
  });

  it('clamps inner edges inside a paragraph that shrank past them, in order, never overlapping', () => {
    expect(times(fitSentences(three, 10, 13))).toEqual([[10, 12], [12, 13], [13, 13]]);
    expect(times(fitSentences(three, 16, 18))).toEqual([[16, 16], [16, 16], [16, 18]]);
  });

  it('repairs overlapping or unordered input', () => {
    expect(times(fitSentences(s([0, 3], [2, 5], [4.5, 4]), 0, 6))).toEqual([[0, 3], [3, 5], [5, 6]]);
  });

  it('keeps gaps between sentences (e.g. from an imported map)', () => {
    expect(times(fitSentences(s([0, 2], [2.5, 4]), 0, 4))).toEqual([[0, 2], [2.5, 4]]);
  });

  it('one sentence spans the paragraph; none gives none', () => {
    expect(times(fitSentences(s([1, 2]), 0.5, 3))).toEqual([[0.5, 3]]);
    expect(fitSentences([], 0, 1)).toEqual([]);
  });

  it('keeps the other fields', () => {
    expect(fitSentences(three, 9, 18)[0]).toEqual({ text: 'S1.', begin: 9, end: 12 });
  });
});
