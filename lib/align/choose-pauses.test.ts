import { describe, expect, it } from 'vitest';
import { choosePauses } from './choose-pauses.ts';

describe('choosePauses', () => {
  it('gives each break the long pause near it, in order, each pause once', () => {
    const pauses = [
      { begin: 1, end: 1.1 }, // short, a comma
      { begin: 2, end: 2.6 }, // long
      { begin: 5, end: 5.5 },
    ];
    expect(choosePauses({ expected: [1.4, 4.8], pauses, distanceScale: 1 })).toEqual([1, 2]);
  });

  it('chooses jointly: two breaks near one pause do not both take it', () => {
    const pauses = [
      { begin: 2, end: 2.5 },
      { begin: 3, end: 3.5 },
    ];
    expect(choosePauses({ expected: [2.9, 3.1], pauses, distanceScale: 1 })).toEqual([0, 1]);
  });

  it('leaves a break without a pause when none is near enough', () => {
    const pauses = [{ begin: 10, end: 10.5 }];
    expect(choosePauses({ expected: [2], pauses, distanceScale: 1, maxDistance: 3 })).toEqual([-1]);
    expect(choosePauses({ expected: [2], pauses: [], distanceScale: 1 })).toEqual([-1]);
    expect(choosePauses({ expected: [], pauses, distanceScale: 1 })).toEqual([]);
  });

  it('trades distance against length by distanceScale', () => {
    const pauses = [
      { begin: 1.9, end: 2.1 }, // at the estimate, 0.2 s
      { begin: 3, end: 3.8 }, // 1 s away, 0.8 s (e^1.39 longer)
    ];
    expect(choosePauses({ expected: [2], pauses, distanceScale: 0.3 })).toEqual([0]);
    expect(choosePauses({ expected: [2], pauses, distanceScale: 2 })).toEqual([1]);
  });
});

describe('choosePauses strength', () => {
  it('counts a soft pause at its share of length: a clear pause as near wins, a lone soft one is still taken', () => {
    const clear = { begin: 1.0, end: 1.3 };
    const soft = { begin: 1.6, end: 1.95, strength: 0.5 };
    // Expected between them: the clear 0.3 s pause beats the soft 0.35 s one (scored as 0.175 s).
    expect(choosePauses({ expected: [1.45], pauses: [clear, soft], distanceScale: 0.35 })).toEqual([0]);
    expect(choosePauses({ expected: [1.45], pauses: [clear, { ...soft, strength: 1 }], distanceScale: 0.35 })).toEqual([1]);
    expect(choosePauses({ expected: [1.7], pauses: [soft], distanceScale: 0.35 })).toEqual([0]);
  });
});
