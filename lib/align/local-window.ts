// The part of a DTW path around some fragments, and slices of a feature sequence: what the mismatch finders
// (skipped text, extra speech, spoken intros/outros) align again locally, with and without a candidate.
import { multiscaleDtw, type DtwPath, type DtwSequence, type MultiscaleDtwOptions } from './dtw.ts';

export type LocalWindow = {
  /** Columns: L's [lFrom, sFrom), the run's [sFrom, sTo), R's [sTo, rTo). */
  lFrom: number;
  sFrom: number;
  sTo: number;
  rTo: number;
  /** Real rows [r0, r1] and the path cells [qa, qb] they replace. */
  r0: number;
  r1: number;
  qa: number;
  qb: number;
  openBegin: number;
  openEnd: number;
};

/**
 * The part of the path around fragments f..g and their neighbours with frames (L before, R after): the nearest one
 * on each side, or the nearest `reach` of them (L's and R's columns then span all of those).
 */
export function localWindow(
  p: DtwPath,
  colBounds: number[],
  f: number,
  g: number,
  rows: number,
  opts: MultiscaleDtwOptions,
  reach = 1,
): LocalWindow | null {
  const k = colBounds.length - 1;
  const m = colBounds[k]!;
  const empty = (x: number): boolean => colBounds[x + 1]! <= colBounds[x]!;
  let L = f - 1;
  while (L >= 0 && empty(L)) L--;
  let R = g + 1;
  while (R < k && empty(R)) R++;
  if (L < 0 && R >= k) return null;
  // the farthest of the `reach` nearest neighbours with frames on each side
  let farL = L;
  for (let n = 1, x = L - 1; n < reach && x >= 0; x--) {
    if (empty(x)) continue;
    farL = x;
    n++;
  }
  let farR = R;
  for (let n = 1, x = R + 1; n < reach && x < k; x++) {
    if (empty(x)) continue;
    farR = x;
    n++;
  }
  const sFrom = L >= 0 ? colBounds[L + 1]! : 0;
  const sTo = R < k ? colBounds[R]! : m;
  const lFrom = L >= 0 ? colBounds[farL]! : sFrom;
  const rTo = R < k ? colBounds[farR + 1]! : sTo;
  let qa = 0;
  while (qa < p.cols.length && p.cols[qa]! < lFrom) qa++;
  let qb = p.cols.length - 1;
  while (qb > 0 && p.cols[qb]! >= rTo) qb--;
  const openBegin = L < 0 ? Math.max(0, opts.openBegin ?? 0) : 0;
  const openEnd = R >= k ? Math.max(0, opts.openEnd ?? 0) : 0;
  const r0 = L < 0 ? Math.max(0, p.rows[0]! - openBegin) : p.rows[qa]!;
  const r1 = R >= k ? Math.min(rows - 1, p.rows[p.rows.length - 1]! + openEnd) : p.rows[qb]!;
  return { lFrom, sFrom, sTo, rTo, r0, r1, qa, qb, openBegin, openEnd };
}

/** The frames of `seq` in the given [from, to) ranges, back to back (energies too). */
export function sliceSeq(seq: DtwSequence, ranges: [number, number][]): DtwSequence {
  const dim = seq.dim;
  const len = ranges.reduce((a, [x, y]) => a + (y - x), 0);
  const data = new Float32Array(len * dim);
  const energy = seq.energy ? new Float32Array(len) : undefined;
  let o = 0;
  for (const [x, y] of ranges) {
    data.set(seq.data.subarray(x * dim, y * dim), o * dim);
    energy?.set(seq.energy!.subarray(x, y), o);
    o += y - x;
  }
  return { length: len, dim, data, energy };
}

/** Real frames r0..r1 (inclusive) of `seq`, as a view (no copy). */
export function rowsOf(seq: DtwSequence, r0: number, r1: number): DtwSequence {
  return {
    length: r1 - r0 + 1,
    dim: seq.dim,
    data: seq.data.subarray(r0 * seq.dim, (r1 + 1) * seq.dim),
    energy: seq.energy?.subarray(r0, r1 + 1),
  };
}

/** DTW of a window's real frames `a` against synthetic frames `b`: the whole band, open where the window is open. */
export function alignInWindow(a: DtwSequence, b: DtwSequence, w: Pick<LocalWindow, 'openBegin' | 'openEnd'>, opts: MultiscaleDtwOptions): DtwPath {
  return multiscaleDtw(a, b, {
    ...opts,
    bandRadius: Math.max(a.length, b.length),
    openBegin: Math.min(w.openBegin, a.length - 1),
    openEnd: Math.min(w.openEnd, a.length - 1),
  });
}
