import { describe, expect, it } from 'vitest';
import { proportionalSplit, scoreAlignment, summariseErrors, truthPauses, type AlignmentTruth } from './score-alignment.ts';

const truth: AlignmentTruth = {
  duration: 10,
  preamble: [0, 0.5],
  outro: [9.5, 10],
  paragraphs: [
    { begin: 1, end: 3 },
    { begin: 4, end: 6 },
    { begin: 6.5, end: 9 },
  ],
};

describe('scoreAlignment', () => {
  it('finds the pause each boundary belongs to (preamble end … first begin, last end … outro begin)', () => {
    expect(truthPauses(truth)).toEqual([
      { begin: 0.5, end: 1 },
      { begin: 3, end: 4 },
      { begin: 6, end: 6.5 },
      { begin: 9, end: 9.5 },
    ]);
  });

  it('gives 0 inside the pause and the distance to it outside; the worse of a differing end/begin counts', () => {
    const s = scoreAlignment(
      [
        { begin: 0.7, end: 3.5 },
        { begin: 3.5, end: 6.8 }, // 0.3 s late
        { begin: 6.2, end: 9.2 }, // begin fine, but the previous end is what counts here
      ],
      truth,
    );
    expect(s.errors.map((e) => Math.round(e * 1000))).toEqual([0, 0, 300, 0]);
    expect(s.inPauseShare).toBe(0.75);
    expect(s.meanSec).toBeCloseTo(0.075, 9);
    expect(s.maxSec).toBeCloseTo(0.3, 9);
    const early = scoreAlignment(
      [
        { begin: 0.2, end: 3.5 },
        { begin: 3.5, end: 6.2 },
        { begin: 6.2, end: 9.2 },
      ],
      truth,
    );
    expect(early.errors[0]).toBeCloseTo(0.3, 9);
  });

  it('refuses a sync map with another number of fragments', () => {
    expect(() => scoreAlignment([{ begin: 0, end: 1 }], truth)).toThrow(/1 fragments, the truth 3/);
  });

  it('summarises p95 by nearest rank', () => {
    const s = summariseErrors([...Array(19).fill(0), 1]);
    expect(s.p95Sec).toBe(0);
    expect(s.maxSec).toBe(1);
    expect(s.inPauseShare).toBe(0.95);
  });
});

describe('proportionalSplit', () => {
  it('shares the span by non-space character counts', () => {
    const p = proportionalSplit(['ab', 'a b c d', 'abcdef'], 0, 12);
    expect(p).toEqual([
      { begin: 0, end: 2 },
      { begin: 2, end: 6 },
      { begin: 6, end: 12 },
    ]);
  });
});
