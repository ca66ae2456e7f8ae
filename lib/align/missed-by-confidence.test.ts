import { describe, expect, it } from 'vitest';
import { missedByConfidence } from './missed-by-confidence.ts';

describe('missedByConfidence', () => {
  const conf = [1, 0.9, 0.95, 0.2, 1, 0.97, 0.99, 1, 0.92, 0.96]; // 10 fragments: the lowest 10 % is fragment 3

  it('catches a bad boundary at an edge of a lowest-10 % fragment (its begin or its end)', () => {
    expect(missedByConfidence([0, 0, 0, 0.5, 0, 0, 0, 0, 0, 0, 0], conf)).toEqual([]); // begin of 3
    expect(missedByConfidence([0, 0, 0, 0, 0.5, 0, 0, 0, 0, 0, 0], conf)).toEqual([]); // end of 3
  });

  it('reports a bad boundary elsewhere, and ignores errors up to badSec', () => {
    expect(missedByConfidence([0, 0.5, 0, 0, 0, 0, 0, 0, 0.05, 0, 0], conf)).toEqual([1]);
  });

  it('counts ties against the aligner: all-equal confidences catch nothing', () => {
    const flat = Array(10).fill(1);
    expect(missedByConfidence([0, 0.5, 0, 0, 0, 0, 0, 0, 0, 0, 0], flat)).toEqual([1]);
  });
});
