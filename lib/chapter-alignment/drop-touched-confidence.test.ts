import { describe, expect, it } from 'vitest';
import { dropTouchedConfidence } from './drop-touched-confidence.ts';

const s = (text: string, begin: number, end: number, confidence?: number) => ({ text, normText: text.toLowerCase(), begin, end, ...(confidence !== undefined ? { confidence } : {}) });

describe('dropTouchedConfidence', () => {
  const before = [s('Uno.', 0, 2, 0.9), s('Dos.', 2, 4, 0.4), s('Tres.', 4, 6, 0.8)];

  it('a moved inner boundary drops the confidence of the two sentences it touches, the third keeps its own', () => {
    const after = [s('Uno.', 0, 2), s('Dos.', 2, 3.5), s('Tres.', 3.5, 6)];
    expect(dropTouchedConfidence(before, after).map((x) => x.confidence)).toEqual([0.9, undefined, undefined]);
  });

  it('a re-cut text keeps the confidence of unchanged sentences only; any confidence the new list brings is not trusted', () => {
    const after = [s('Uno.', 0, 2), s('Dos y más.', 2, 4, 0.4), s('Tres.', 4, 6, 0.8)];
    expect(dropTouchedConfidence(before, after).map((x) => x.confidence)).toEqual([0.9, undefined, 0.8]);
  });

  it('nothing stored before: no confidence; no sentences: null', () => {
    expect(dropTouchedConfidence(null, [s('Uno.', 0, 2, 0.5)])).toEqual([s('Uno.', 0, 2)]);
    expect(dropTouchedConfidence(before, null)).toBeNull();
  });
});
