import { describe, expect, it } from 'vitest';
import { linkedNeighbour, moveBoundary, roundTime, type Region } from './move-boundary.ts';

// three touching regions and one after a gap: [0,2] [2,5] [5,7] gap [8,10], audio of 12 s
const regions: Region[] = [
  { id: 'a', begin: 0, end: 2 },
  { id: 'b', begin: 2, end: 5 },
  { id: 'c', begin: 5, end: 7 },
  { id: 'd', begin: 8, end: 10 },
];
const opts = { duration: 12 };
const times = (rs: Region[]) => rs.map((r) => [r.begin, r.end]);

describe('moveBoundary', () => {
  it('linked by default: the end of i and the begin of i+1 move together', () => {
    const out = moveBoundary(regions, 0, 'end', 2.5, opts);
    expect(times(out)).toEqual([[0, 2.5], [2.5, 5], [5, 7], [8, 10]]);
    expect(times(moveBoundary(regions, 1, 'begin', 1.25, opts))).toEqual([[0, 1.25], [1.25, 5], [5, 7], [8, 10]]);
    expect(times(moveBoundary(regions, 2, 'begin', 4, opts))).toEqual([[0, 2], [2, 4], [4, 7], [8, 10]]);
  });

  it('does not modify its input and keeps untouched regions by identity', () => {
    const copy = structuredClone(regions);
    const out = moveBoundary(regions, 0, 'end', 2.5, opts);
    expect(regions).toEqual(copy);
    expect(out).not.toBe(regions);
    expect(out[2]).toBe(regions[2]);
    expect(out[3]).toBe(regions[3]);
    expect(out[0]).not.toBe(regions[0]);
  });

  it('keeps other fields of the regions', () => {
    const rich = regions.map((r) => ({ ...r, text: `t${r.id}`, version: 3 }));
    const out = moveBoundary(rich, 0, 'end', 2.5, opts);
    expect(out[0]).toEqual({ id: 'a', begin: 0, end: 2.5, text: 'ta', version: 3 });
    expect(out[1]).toEqual({ id: 'b', begin: 2.5, end: 5, text: 'tb', version: 3 });
  });

  it('links edges that touch within 1 ms, not farther', () => {
    const near: Region[] = [{ id: 'a', begin: 0, end: 2 }, { id: 'b', begin: 2.0009, end: 5 }];
    expect(times(moveBoundary(near, 0, 'end', 3, opts))).toEqual([[0, 3], [3, 5]]);
    const far: Region[] = [{ id: 'a', begin: 0, end: 2 }, { id: 'b', begin: 2.002, end: 5 }];
    expect(times(moveBoundary(far, 0, 'end', 3, opts))).toEqual([[0, 2.002], [2.002, 5]]);
    expect(linkedNeighbour(near, 0, 'end')).toBe(1);
    expect(linkedNeighbour(near, 1, 'begin')).toBe(0);
    expect(linkedNeighbour(far, 0, 'end')).toBeNull();
    expect(linkedNeighbour(near, 0, 'begin')).toBeNull();
    expect(linkedNeighbour(near, 1, 'end')).toBeNull();
  });

  it('unlinked (modifier held) moves one edge and opens a gap', () => {
    expect(times(moveBoundary(regions, 0, 'end', 1.5, { ...opts, linked: false }))).toEqual([[0, 1.5], [2, 5], [5, 7], [8, 10]]);
    expect(times(moveBoundary(regions, 1, 'begin', 3, { ...opts, linked: false }))).toEqual([[0, 2], [3, 5], [5, 7], [8, 10]]);
  });

  it('unlinked never overlaps the neighbour: clamps at its edge', () => {
    expect(times(moveBoundary(regions, 0, 'end', 3, { ...opts, linked: false }))).toEqual([[0, 2], [2, 5], [5, 7], [8, 10]]);
    expect(times(moveBoundary(regions, 1, 'begin', 1, { ...opts, linked: false }))).toEqual([[0, 2], [2, 5], [5, 7], [8, 10]]);
  });

  it('an edge next to a gap moves alone and stops at the neighbour across the gap', () => {
    expect(times(moveBoundary(regions, 2, 'end', 7.5, opts))).toEqual([[0, 2], [2, 5], [5, 7.5], [8, 10]]);
    expect(times(moveBoundary(regions, 2, 'end', 9, opts))).toEqual([[0, 2], [2, 5], [5, 8], [8, 10]]);
    expect(times(moveBoundary(regions, 3, 'begin', 6, opts))).toEqual([[0, 2], [2, 5], [5, 7], [7, 10]]);
  });

  it('linked: clamps so that both regions keep the minimum duration', () => {
    expect(times(moveBoundary(regions, 0, 'end', 9, opts))).toEqual([[0, 4.95], [4.95, 5], [5, 7], [8, 10]]);
    expect(times(moveBoundary(regions, 0, 'end', -3, opts))).toEqual([[0, 0.05], [0.05, 5], [5, 7], [8, 10]]);
    expect(times(moveBoundary(regions, 1, 'begin', 100, { ...opts, minDuration: 0.5 }))).toEqual([[0, 4.5], [4.5, 5], [5, 7], [8, 10]]);
  });

  it('begin < end by the minimum duration when the region itself shrinks', () => {
    expect(times(moveBoundary(regions, 1, 'end', 1, { ...opts, linked: false }))).toEqual([[0, 2], [2, 2.05], [5, 7], [8, 10]]);
    expect(times(moveBoundary(regions, 3, 'begin', 11, opts))).toEqual([[0, 2], [2, 5], [5, 7], [9.95, 10]]);
  });

  it('stays inside [0, duration]', () => {
    expect(times(moveBoundary(regions, 0, 'begin', -1, opts))).toEqual([[0, 2], [2, 5], [5, 7], [8, 10]]);
    const moved = moveBoundary(regions, 0, 'begin', 1, opts);
    expect(times(moveBoundary(moved, 0, 'begin', -5, opts))[0]).toEqual([0, 2]);
    expect(times(moveBoundary(regions, 3, 'end', 20, opts))[3]).toEqual([8, 12]);
    expect(times(moveBoundary(regions, 3, 'end', 20, { duration: 10.5 }))[3]).toEqual([8, 10.5]);
  });

  it('snaps to a pause centre within the radius, before clamping', () => {
    const snap = { ...opts, snapTo: [1.9, 2.6, 11], snapRadius: 0.1 };
    expect(times(moveBoundary(regions, 0, 'end', 2.55, snap))[0]).toEqual([0, 2.6]);
    expect(times(moveBoundary(regions, 0, 'end', 2.75, snap))[0]).toEqual([0, 2.75]); // out of radius
    expect(times(moveBoundary(regions, 3, 'end', 10.95, snap))[3]).toEqual([8, 11]);
    // a candidate beyond the neighbour is snapped to and then clamped
    expect(times(moveBoundary(regions, 2, 'end', 7.95, { ...opts, snapTo: [8.02], snapRadius: 0.1 }))[2]).toEqual([5, 8]);
    // default radius 80 ms
    expect(times(moveBoundary(regions, 0, 'end', 2.53, { ...opts, snapTo: [2.6] }))[0]).toEqual([0, 2.6]);
  });

  it('never pushes an edge backwards when the data is already too tight; ignores a non-finite time', () => {
    const tiny: Region[] = [{ id: 'a', begin: 0, end: 1 }, { id: 'b', begin: 1, end: 1.02 }];
    expect(times(moveBoundary(tiny, 0, 'end', 1.5, opts))).toEqual([[0, 1], [1, 1.02]]);
    expect(times(moveBoundary(tiny, 0, 'end', 0.5, opts))).toEqual([[0, 0.5], [0.5, 1.02]]);
    expect(times(moveBoundary(regions, 0, 'end', Number.NaN, opts))).toEqual(times(regions));
  });

  it('throws only for an index that does not exist (a programming error)', () => {
    expect(() => moveBoundary(regions, 4, 'end', 1, opts)).toThrow(RangeError);
  });

  it('rounds to the microsecond', () => {
    expect(roundTime(0.1 + 0.2)).toBe(0.3);
    expect(moveBoundary(regions, 0, 'end', 2.0000004, opts)[0]!.end).toBe(2);
  });
});
