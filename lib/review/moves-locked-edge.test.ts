import { describe, expect, it } from 'vitest';
import { movesLockedEdge, proposedBoundaries } from './moves-locked-edge.ts';

const f = (id: string, begin: number, end: number, lockedBegin = false, lockedEnd = false) => ({ id, begin, end, lockedBegin, lockedEnd });

describe('movesLockedEdge', () => {
  it('finds a locked edge that moved, ignores unlocked ones and unchanged fragments', () => {
    const before = [f('a', 0, 2, false, true), f('b', 2, 4, true, false)];
    expect(movesLockedEdge(before, [f('a', 0, 2.5, false, true), before[1]!])).toBe(before[0]);
    expect(movesLockedEdge(before, [before[0]!, f('b', 2, 4.5, true, false)])).toBeNull();
    expect(movesLockedEdge(before, before)).toBeNull();
  });
});

describe('proposedBoundaries', () => {
  const p = (begin: number, end: number, ob: number, oe: number) => ({ begin, end, old: { begin: ob, end: oe } });
  it('lists the inner boundaries that move, once per shared boundary', () => {
    expect(proposedBoundaries([p(0, 2.5, 0, 2), p(2.5, 4, 2, 4), p(4, 6, 4, 6)])).toEqual([2.5]);
    expect(proposedBoundaries([p(0, 2, 0, 2)])).toEqual([]);
  });
  it('shows both sides of a gap', () => {
    expect(proposedBoundaries([p(0, 2.4, 0, 2), p(2.6, 4, 2, 4)])).toEqual([2.6, 2.4]);
  });
});
