import { describe, expect, it } from 'vitest';
import { snapToNearest } from './snap-to-nearest.ts';

describe('snapToNearest', () => {
  it('picks the nearest candidate within the radius', () => {
    expect(snapToNearest(5.04, [1, 5, 5.1, 9], 0.1)).toBe(5);
    expect(snapToNearest(5.06, [9, 5.1, 5, 1], 0.1)).toBe(5.1);
  });
  it('keeps the time when nothing is near, the list is empty or the radius is not positive', () => {
    expect(snapToNearest(3, [1, 5], 0.5)).toBe(3);
    expect(snapToNearest(3, [], 0.5)).toBe(3);
    expect(snapToNearest(3, [3.01], 0)).toBe(3);
    expect(snapToNearest(3, [3.01], -1)).toBe(3);
  });
  it('includes the radius itself and breaks ties towards the first candidate', () => {
    expect(snapToNearest(2, [2.5], 0.5)).toBe(2.5);
    expect(snapToNearest(2, [2.25, 1.75], 0.5)).toBe(2.25);
  });
});
