import type { DtwPath } from './dtw.ts';

/**
 * For every column j (synthetic frame) of a DTW path, the real frame it maps to: the middle of the rows the
 * path matches with j. A synthetic boundary in silence that the path stretches over a longer real pause thus
 * lands mid-pause rather than at one of its edges.
 */
export function columnToRow(path: DtwPath, columns: number): Float64Array {
  const lo = new Float64Array(columns).fill(Infinity);
  const hi = new Float64Array(columns).fill(-Infinity);
  for (let k = 0; k < path.rows.length; k++) {
    const j = path.cols[k]!;
    const i = path.rows[k]!;
    if (i < lo[j]!) lo[j] = i;
    if (i > hi[j]!) hi[j] = i;
  }
  const out = new Float64Array(columns);
  let last = 0;
  for (let j = 0; j < columns; j++) {
    // Every column is on a complete path; the fallback only guards a partial one.
    out[j] = Number.isFinite(lo[j]!) ? (lo[j]! + hi[j]!) / 2 : last;
    last = out[j]!;
  }
  return out;
}

/**
 * Maps times on the synthetic track (seconds) to times in the real audio through the path: the synthetic
 * frame nearest to each time, then its real frame, interpolating between neighbouring synthetic frames.
 */
export function mapThroughPath(times: number[], path: DtwPath, columns: number, shiftSec: number): number[] {
  const rowOf = columnToRow(path, columns);
  return times.map((t) => {
    const x = Math.min(columns - 1, Math.max(0, t / shiftSec));
    const j0 = Math.floor(x);
    const j1 = Math.min(columns - 1, j0 + 1);
    const f = x - j0;
    return (rowOf[j0]! * (1 - f) + rowOf[j1]! * f) * shiftSec;
  });
}
