import { describe, expect, it } from 'vitest';
import { locateSentenceBreaks } from './locate-sentence-breaks.ts';

/** Loudness track (40 ms frames) from [seconds, loud?] runs. */
function track(runs: [number, boolean][]): Float32Array {
  const out: number[] = [];
  for (const [sec, loud] of runs) for (let i = 0; i < Math.round(sec / 0.04); i++) out.push(loud ? 0.8 : 0.02);
  return Float32Array.from(out);
}

describe('locateSentenceBreaks', () => {
  it('puts each sentence start in the long pause near its share of the characters, not in a comma pause', () => {
    // speech 2 s, comma 0.12 s, speech 1 s, sentence end 0.36 s, speech 3 s, sentence end 0.4 s, speech 1 s
    const e = track([
      [0.2, false],
      [2, true],
      [0.12, false],
      [1, true],
      [0.36, false],
      [3, true],
      [0.4, false],
      [1, true],
      [0.2, false],
    ]);
    const t = locateSentenceBreaks({ energy: e, shiftSec: 0.04, begin: 0, end: e.length * 0.04, sentenceChars: [40, 40, 14] });
    expect(t).toHaveLength(2);
    expect(t[0]).toBeCloseTo(3.32 + 0.18, 1); // centre of the 0.36 s pause after 3.32 s
    expect(t[1]).toBeCloseTo(6.68 + 0.2, 1);
  });

  it('leaves a break at its expected place when the synthetic speech has no pause for it', () => {
    const e = track([
      [0.2, false],
      [4, true],
      [0.2, false],
    ]);
    const t = locateSentenceBreaks({ energy: e, shiftSec: 0.04, begin: 0, end: 4.4, sentenceChars: [10, 30] });
    expect(t[0]).toBeCloseTo(0.2 + 1, 1);
  });

  it('returns nothing for one sentence and keeps breaks ordered inside the fragment', () => {
    const e = track([[3, true]]);
    expect(locateSentenceBreaks({ energy: e, shiftSec: 0.04, begin: 0, end: 3, sentenceChars: [10] })).toEqual([]);
    const t = locateSentenceBreaks({ energy: e, shiftSec: 0.04, begin: 1, end: 2, sentenceChars: [1, 0, 1] });
    expect(t).toHaveLength(2);
    expect(t[0]).toBeGreaterThan(1);
    expect(t[1]).toBeGreaterThanOrEqual(t[0]!);
    expect(t[1]).toBeLessThan(2);
  });
});
