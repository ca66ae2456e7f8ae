import { describe, expect, it } from 'vitest';
import { nudgeBoundary } from './nudge-boundary.ts';
import type { Region } from './move-boundary.ts';

const regions: Region[] = [
  { id: 'a', begin: 1, end: 2 },
  { id: 'b', begin: 2, end: 3 },
];
const opts = { duration: 3.5 };

describe('nudgeBoundary', () => {
  it('moves by 10 ms and 100 ms, linked', () => {
    const r1 = nudgeBoundary(regions, 0, 'end', 0.01, opts);
    expect(r1.map((r) => [r.begin, r.end])).toEqual([[1, 2.01], [2.01, 3]]);
    const r2 = nudgeBoundary(r1, 1, 'begin', -0.1, opts);
    expect(r2.map((r) => [r.begin, r.end])).toEqual([[1, 1.91], [1.91, 3]]);
  });

  it('repeated nudges do not accumulate float noise', () => {
    let rs = regions;
    for (let i = 0; i < 30; i++) rs = nudgeBoundary(rs, 0, 'begin', -0.01, opts);
    expect(rs[0]!.begin).toBe(0.7);
    for (let i = 0; i < 7; i++) rs = nudgeBoundary(rs, 0, 'begin', 0.1, opts);
    expect(rs[0]!.begin).toBe(1.4);
  });

  it('unlinked opens a gap; clamps at 0 and at the duration', () => {
    expect(nudgeBoundary(regions, 1, 'begin', 0.1, { ...opts, linked: false }).map((r) => [r.begin, r.end])).toEqual([[1, 2], [2.1, 3]]);
    expect(nudgeBoundary(regions, 0, 'begin', -5, opts)[0]!.begin).toBe(0);
    expect(nudgeBoundary(regions, 1, 'end', 5, opts)[1]!.end).toBe(3.5);
  });

  it('never snaps, even next to a pause centre', () => {
    const out = nudgeBoundary(regions, 0, 'end', 0.01, { ...opts, snapTo: [2], snapRadius: 0.1 });
    expect(out[0]!.end).toBe(2.01);
  });
});
