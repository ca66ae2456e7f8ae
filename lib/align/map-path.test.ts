import { describe, expect, it } from 'vitest';
import type { DtwPath } from './dtw.ts';
import { columnToRow, mapThroughPath } from './map-path.ts';

function path(pairs: [number, number][]): DtwPath {
  return { rows: Int32Array.from(pairs, (p) => p[0]), cols: Int32Array.from(pairs, (p) => p[1]), cost: 0, cells: 0 };
}

describe('columnToRow', () => {
  it('takes the middle of the rows a column is matched with', () => {
    // Column 1 (synthetic silence) spans real rows 1..5 (a longer real pause).
    const p = path([[0, 0], [1, 1], [2, 1], [3, 1], [4, 1], [5, 1], [6, 2], [6, 3]]);
    expect(Array.from(columnToRow(p, 4))).toEqual([0, 3, 6, 6]);
  });
});

describe('mapThroughPath', () => {
  it('maps synthetic times to real times, interpolating between frames', () => {
    const p = path([[10, 0], [12, 1], [14, 2], [16, 3]]); // real runs at half speed after a 0.4 s offset
    expect(mapThroughPath([0, 0.04, 0.06, 0.12, 5], p, 4, 0.04).map((t) => Number(t.toFixed(6)))).toEqual([
      0.4, 0.48, 0.52, 0.64, 0.64,
    ]);
  });
});
