import { describe, expect, it } from 'vitest';
import { restoreSentenceConfidence } from './restore-sentence-confidence.ts';

const s = (text: string, begin: number, end: number, confidence?: number) => ({ text, normText: text.toLowerCase(), begin, end, ...(confidence !== undefined ? { confidence } : {}) });

describe('restoreSentenceConfidence', () => {
  it('a sentence back at the text and times of an earlier state takes that state’s confidence, newest first', () => {
    const now = [s('Uno.', 0, 2), s('Dos.', 2, 4), s('Tres.', 4, 6, 0.8)];
    const earlier = [[s('Uno.', 0, 2), s('Dos.', 2, 4, 0.3)], [s('Uno.', 0, 2, 0.9), s('Dos.', 2, 4, 0.4), s('Tres.', 4, 6, 0.1)]];
    expect(restoreSentenceConfidence(now, earlier).map((x) => x.confidence)).toEqual([0.9, 0.3, 0.8]);
  });

  it('other times or another text: no confidence; unchanged sentences keep their identity', () => {
    const now = [s('Uno.', 0, 2.1), s('Dos y más.', 2.1, 4)];
    const out = restoreSentenceConfidence(now, [[s('Uno.', 0, 2, 0.9), s('Dos.', 2.1, 4, 0.4)]]);
    expect(out.map((x) => x.confidence)).toEqual([undefined, undefined]);
    expect(out[0]).toBe(now[0]);
  });
});
