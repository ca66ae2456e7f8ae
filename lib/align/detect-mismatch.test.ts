import { describe, expect, it } from 'vitest';
import type { DtwPath, DtwSequence } from './dtw.ts';
import { findExtraSpeech, findSkipCandidates, groupExtraSpeech, realignWithoutSkipped, rowToColumn } from './detect-mismatch.ts';

function path(pairs: [number, number][]): DtwPath {
  return { rows: Int32Array.from(pairs, (p) => p[0]), cols: Int32Array.from(pairs, (p) => p[1]), cost: 0, cells: 0 };
}
/** Diagonal, then `len` columns on one row at column `at`, then diagonal again. */
function verticalAt(m: number, at: number, len: number): DtwPath {
  const pairs: [number, number][] = [];
  for (let j = 0; j < m; j++) pairs.push([j < at ? j : j < at + len ? at : j - len, j]);
  return path(pairs);
}

describe('rowToColumn', () => {
  it('takes the middle of the columns a row is matched with', () => {
    expect(Array.from(rowToColumn(path([[0, 0], [1, 1], [1, 2], [1, 3], [2, 4]]), 4))).toEqual([0, 2, 4, NaN]);
  });
});

describe('findSkipCandidates', () => {
  it('finds the fragment whose synthetic frames the path crosses vertically', () => {
    // 4 fragments of 100 frames; fragment 2 (frames 200..299) sits on one real frame.
    const p = verticalAt(400, 200, 100);
    const speech = new Uint8Array(400).fill(1);
    expect(findSkipCandidates(p, [0, 100, 200, 300, 400], speech)).toEqual([false, false, true, false]);
    // A straight path: nothing.
    expect(findSkipCandidates(verticalAt(400, 0, 0), [0, 100, 200, 300, 400], speech)).toEqual([false, false, false, false]);
  });

  it('ignores silence and short fragments', () => {
    const p = verticalAt(400, 200, 100);
    const speech = new Uint8Array(400).fill(1);
    speech.fill(0, 200, 300); // the vertical part is synthetic silence
    expect(findSkipCandidates(p, [0, 100, 200, 300, 400], speech)).toEqual([false, false, false, false]);
  });
});

describe('findExtraSpeech / groupExtraSpeech', () => {
  it('finds real speech the path crosses horizontally, not real pauses', () => {
    // Diagonal 0..99, then rows 100..199 all on column 99, then diagonal.
    const pairs: [number, number][] = [];
    for (let i = 0; i < 300; i++) pairs.push([i, i < 100 ? i : i < 200 ? 99 : i - 100]);
    const p = path(pairs);
    const e = findExtraSpeech(p, 300, () => true);
    expect(e).toHaveLength(1);
    // (The slope is judged over ±25 frames: the edges of the stretch come out up to ~20 frames inside.)
    expect(e[0]!.begin).toBeGreaterThanOrEqual(95);
    expect(e[0]!.begin).toBeLessThanOrEqual(125);
    expect(e[0]!.end).toBeGreaterThanOrEqual(175);
    expect(e[0]!.end).toBeLessThanOrEqual(205);
    // The same stretch in silence is a long pause, not extra speech.
    expect(findExtraSpeech(p, 300, (r) => r < 100 || r >= 200)).toEqual([]);
    // Grouped by the fragment holding it; too little speech in all → nothing.
    expect(groupExtraSpeech(e, [0, 150, 300], 50)).toEqual([{ fragment: 0, begin: e[0]!.begin, end: e[0]!.end }]);
    expect(groupExtraSpeech(e, [0, 150, 300], 1000)).toEqual([]);
  });
});

describe('realignWithoutSkipped', () => {
  it('puts the skipped columns on one row between its neighbours and keeps the path valid', () => {
    // Real: A (frames 0..49) then C (50..99); synthetic: A B C, 50 frames each. A first path that smeared B
    // over the end of A is replaced by A → A, B on one row at the A/C boundary, C → C.
    const dim = 2;
    const vec = (k: number) => [Math.cos(k), Math.sin(k)];
    const seq = (labels: number[]): DtwSequence => ({ length: labels.length, dim, data: Float32Array.from(labels.flatMap(vec)) });
    const real = seq([...Array(50).fill(0), ...Array(50).fill(2)]);
    const synth = seq([...Array(50).fill(0), ...Array(50).fill(1), ...Array(50).fill(2)]);
    const first = path([
      ...Array.from({ length: 40 }, (_, j): [number, number] => [j, j]),
      ...Array.from({ length: 60 }, (_, j): [number, number] => [40, 40 + j]), // A's end and B on row 40
      ...Array.from({ length: 50 }, (_, j): [number, number] => [41 + j, 100 + j]),
    ]);
    const p = realignWithoutSkipped(first, real, synth, [0, 50, 100, 150], [false, true, false], { factor: 1 });
    for (let q = 1; q < p.rows.length; q++) {
      const dr = p.rows[q]! - p.rows[q - 1]!;
      const dc = p.cols[q]! - p.cols[q - 1]!;
      expect(dr >= 0 && dr <= 1 && dc >= 0 && dc <= 1 && dr + dc >= 1).toBe(true);
    }
    expect(p.cols[0]).toBe(0);
    expect(p.cols[p.cols.length - 1]).toBe(149);
    const rowsOf = (c: number) => [...p.rows].filter((_, q) => p.cols[q] === c);
    // B on a single row at the A/C boundary.
    const bRows = new Set(Array.from({ length: 50 }, (_, j) => rowsOf(50 + j)).flat());
    expect(bRows.size).toBe(1);
    const row = [...bRows][0]!;
    expect(row).toBeGreaterThanOrEqual(48);
    expect(row).toBeLessThanOrEqual(50);
  });
});
