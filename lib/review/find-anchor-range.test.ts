import { describe, expect, it } from 'vitest';
import { findAnchorRange, type AnchorFragment } from './find-anchor-range.ts';

const chain = (n: number, locks: Record<number, 'begin' | 'end' | 'both'> = {}): AnchorFragment[] =>
  Array.from({ length: n }, (_, i) => ({
    begin: i * 2,
    end: i * 2 + 2,
    lockedBegin: locks[i] === 'begin' || locks[i] === 'both',
    lockedEnd: locks[i] === 'end' || locks[i] === 'both',
  }));

describe('findAnchorRange', () => {
  it('runs from the head to the tail without anchors', () => {
    expect(findAnchorRange(chain(5), 2)).toEqual({ first: 0, last: 4, begin: 0, end: 10, anchoredBegin: false, anchoredEnd: false });
  });

  it('stops at the nearest locked begin before and locked end after', () => {
    const frags = chain(8, { 1: 'begin', 2: 'begin', 5: 'end', 6: 'end' });
    expect(findAnchorRange(frags, 3)).toEqual({ first: 2, last: 5, begin: 4, end: 12, anchoredBegin: true, anchoredEnd: true });
  });

  it('takes a lock on the outer side of a boundary as the anchor', () => {
    // fragment 1 ends locked (boundary 1|2), fragment 5 begins locked (boundary 4|5)
    const frags = chain(7, { 1: 'end', 5: 'begin' });
    expect(findAnchorRange(frags, 3)).toMatchObject({ first: 2, last: 4, begin: 4, end: 10, anchoredBegin: true, anchoredEnd: true });
  });

  it("uses the current fragment's own locks", () => {
    const frags = chain(5, { 2: 'both' });
    expect(findAnchorRange(frags, 2)).toMatchObject({ first: 2, last: 2, begin: 4, end: 6 });
    // the lock at the current fragment's own end on the left side does not count as a start anchor
    expect(findAnchorRange(chain(5, { 2: 'end' }), 2)).toMatchObject({ first: 0, last: 2, anchoredBegin: false, anchoredEnd: true });
  });

  it('refuses a range with untimed fragments and an index out of range', () => {
    const frags = chain(4);
    frags[3] = { ...frags[3]!, begin: null, end: null };
    expect(findAnchorRange(frags, 1)).toBeNull();
    expect(findAnchorRange(chain(3, { 1: 'end' }).map((f, i) => (i === 2 ? { ...f, begin: null } : f)), 0)).not.toBeNull();
    expect(findAnchorRange(chain(3), 3)).toBeNull();
  });
});
