import { describe, expect, it } from 'vitest';
import { snapToPauses } from './snap-to-pauses.ts';

const pauses = [
  { begin: 1, end: 1.4 },
  { begin: 3, end: 3.2 },
  { begin: 3.5, end: 4.1 },
  { begin: 8, end: 9 },
];

describe('snapToPauses', () => {
  it('moves a boundary inside a pause to its centre', () => {
    expect(snapToPauses([1.05], pauses)).toEqual([{ time: 1.2, inPause: true, shift: expect.closeTo(0.15, 9) }]);
  });

  it('moves a boundary in speech to the nearest pause within reach, else leaves it', () => {
    const r = snapToPauses([1.8, 3.3, 6], pauses);
    expect(r[0]).toMatchObject({ time: 1.2, inPause: true });
    expect(r[1]!.time).toBeCloseTo(3.1, 9); // 0.1 s from 3.2, 0.2 s from 3.5
    expect(r[2]).toEqual({ time: 6, inPause: false, shift: 0 });
  });

  it('honours the reach', () => {
    expect(snapToPauses([1.8], pauses, { maxShiftSec: 0.3 })[0]).toMatchObject({ time: 1.8, inPause: false });
  });

  it('keeps boundaries in order and never puts two in one pause', () => {
    const r = snapToPauses([8.2, 8.7], pauses);
    expect(r[0]!.time).toBe(8.5);
    expect(r[1]!.time).toBe(8.7);
    expect(r[1]!.inPause).toBe(true);
    const s = snapToPauses([3.15, 3.3], pauses);
    expect(s[0]!.time).toBeCloseTo(3.1, 9);
    expect(s[1]!.time).toBeCloseTo(3.8, 9);
  });
});
