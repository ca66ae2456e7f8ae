import { AppError } from '../errors/app-error.ts';
import type { Mfcc } from './mfcc.ts';

/**
 * A sequence prepared for DTW: unit-length feature vectors (c1..c12 of the MFCC, c0 dropped) so that
 * 1 − cosine similarity is 1 − dot product. An all-zero frame (a constant log spectrum) stays zero: cost 1
 * against everything.
 */
export type DtwSequence = {
  length: number;
  dim: number;
  data: Float32Array;
  /** Optional per-frame loudness in [0, 1] (see `energyWeight`). */
  energy?: Float32Array;
};

/** Per row i (frame of sequence a), the inclusive column range [lo[i], hi[i]] of b that DTW may visit. */
export type DtwWindow = { lo: Int32Array; hi: Int32Array };

export type DtwPath = {
  /** Matched frame pairs in order: a[rows[k]] ↔ b[cols[k]]. Starts at column 0, ends at column m − 1. */
  rows: Int32Array;
  cols: Int32Array;
  /** Accumulated cost of the path (skip penalties included). */
  cost: number;
  /** Cells evaluated, for memory/speed accounting. */
  cells: number;
};

export type DtwOptions = {
  /** The path may start on any row ≤ openBegin (subsequence start in a); default 0 (must start at row 0). */
  openBegin?: number;
  /** The path may end on any row ≥ n − 1 − openEnd; default 0. */
  openEnd?: number;
  /** Cost per row of a skipped at the start or end, so that skipping is not free; default 0. */
  skipCost?: number;
  /** Weight of |energyA − energyB| added to the cosine cost when both sequences carry energy; default 0. */
  energyWeight?: number;
};

/**
 * c1..c(k−1) of each MFCC frame, scaled to unit length. With `cmvn`, each coefficient is first centred and scaled
 * by its mean and standard deviation over the track's louder frames (energy ≥ 0.5 when `energy` is given, else all):
 * cepstral mean and variance normalisation, which takes out most of what differs between a room, a microphone or
 * a voice and the synthetic one, so 1 − cos compares what is said rather than who says it. With `windowFrames`,
 * the statistics come from the frames within ±windowFrames of each frame, with `priorFrames` frames' worth of the
 * whole track's added (see slidingCmvnSequence); a track no longer than that window gets the whole track's.
 */
export function toDtwSequence(mfcc: Mfcc, energy?: Float32Array, opts: { cmvn?: boolean; windowFrames?: number; priorFrames?: number } = {}): DtwSequence {
  const half = Math.round(opts.windowFrames ?? 0);
  if (opts.cmvn && half > 0 && mfcc.frames > 2 * half + 1) return slidingCmvnSequence(mfcc, energy, half, Math.max(0, opts.priorFrames ?? 0));
  const dim = mfcc.coeffs - 1;
  const data = new Float32Array(mfcc.frames * dim);
  const mean = new Float64Array(dim);
  const scale = new Float64Array(dim).fill(1);
  if (opts.cmvn && mfcc.frames > 1) {
    const sq = new Float64Array(dim);
    let count = 0;
    for (let pass = 0; pass < 2 && count === 0; pass++) {
      for (let i = 0; i < mfcc.frames; i++) {
        if (pass === 0 && energy && energy[i]! < 0.5) continue;
        count++;
        for (let k = 0; k < dim; k++) {
          const v = mfcc.data[i * mfcc.coeffs + k + 1]!;
          mean[k]! += v;
          sq[k]! += v * v;
        }
      }
    }
    for (let k = 0; k < dim; k++) {
      mean[k]! /= count;
      const variance = sq[k]! / count - mean[k]! ** 2;
      scale[k] = variance > 1e-12 ? 1 / Math.sqrt(variance) : 1;
    }
  }
  for (let i = 0; i < mfcc.frames; i++) {
    let norm = 0;
    for (let k = 0; k < dim; k++) {
      const v = (mfcc.data[i * mfcc.coeffs + k + 1]! - mean[k]!) * scale[k]!;
      data[i * dim + k] = v;
      norm += v * v;
    }
    const s = norm > 1e-12 ? 1 / Math.sqrt(norm) : 0;
    for (let k = 0; k < dim; k++) data[i * dim + k]! *= s;
  }
  return { length: mfcc.frames, dim, data, energy };
}

/** A window with fewer loud frames than this takes its statistics from all its frames. */
const SLIDING_CMVN_MIN_LOUD = 50;

/**
 * toDtwSequence with CMVN over the frames within ±`half` of each frame (its loud ones, energy ≥ 0.5 when `energy` is
 * given; all of them where the window holds fewer than SLIDING_CMVN_MIN_LOUD loud ones), pulled towards the whole
 * track's statistics as if `prior` frames of them were in every window: a room, a noise floor or a microphone that
 * changes within a recording is normalised where it is, and a window of unusual content (another speaker's long
 * preamble) does not stray far. Running sums (each frame enters and leaves the window once): O(frames × dim) time,
 * O(dim) memory besides the output.
 */
function slidingCmvnSequence(mfcc: Mfcc, energy: Float32Array | undefined, half: number, prior: number): DtwSequence {
  const dim = mfcc.coeffs - 1;
  const n = mfcc.frames;
  const src = mfcc.data;
  const stride = mfcc.coeffs;
  const loud = (i: number): boolean => !energy || energy[i]! >= 0.5;
  // sums over a set of frames: [0] loud ones, [1] all
  const sums = () => ({ count: [0, 0], s1: [new Float64Array(dim), new Float64Array(dim)], s2: [new Float64Array(dim), new Float64Array(dim)] });
  const add = (to: ReturnType<typeof sums>, i: number, sign: 1 | -1): void => {
    for (const w of loud(i) ? [0, 1] : [1]) {
      to.count[w]! += sign;
      const a = to.s1[w]!;
      const b = to.s2[w]!;
      for (let k = 0; k < dim; k++) {
        const v = src[i * stride + k + 1]!;
        a[k]! += sign * v;
        b[k]! += sign * v * v;
      }
    }
  };
  const track = sums();
  for (let i = 0; i < n; i++) add(track, i, 1);
  const g = track.count[0]! > 0 ? 0 : 1; // the whole track's loud frames (all of them when none is loud)
  const priorMean1 = Float64Array.from(track.s1[g]!, (v) => v / track.count[g]!);
  const priorMean2 = Float64Array.from(track.s2[g]!, (v) => v / track.count[g]!);
  const win = sums();
  const data = new Float32Array(n * dim);
  let to = 0; // the window is [from, to)
  let from = 0;
  for (let i = 0; i < n; i++) {
    for (const b = Math.min(n, i + half + 1); to < b; to++) add(win, to, 1);
    for (const a = Math.max(0, i - half); from < a; from++) add(win, from, -1);
    const w = win.count[0]! >= SLIDING_CMVN_MIN_LOUD ? 0 : 1;
    const count = win.count[w]! + prior;
    let norm = 0;
    for (let k = 0; k < dim; k++) {
      const mean = (win.s1[w]![k]! + prior * priorMean1[k]!) / count;
      const variance = (win.s2[w]![k]! + prior * priorMean2[k]!) / count - mean * mean;
      const v = (src[i * stride + k + 1]! - mean) * (variance > 1e-12 ? 1 / Math.sqrt(variance) : 1);
      data[i * dim + k] = v;
      norm += v * v;
    }
    const s = norm > 1e-12 ? 1 / Math.sqrt(norm) : 0;
    for (let k = 0; k < dim; k++) data[i * dim + k]! *= s;
  }
  return { length: n, dim, data, energy };
}

/** Averages groups of `factor` frames (vectors re-normalised, energies averaged). */
export function downsampleSequence(seq: DtwSequence, factor: number): DtwSequence {
  const n = Math.ceil(seq.length / factor);
  const { dim } = seq;
  const data = new Float32Array(n * dim);
  const energy = seq.energy ? new Float32Array(n) : undefined;
  const acc = new Float64Array(dim);
  for (let g = 0; g < n; g++) {
    acc.fill(0);
    const from = g * factor;
    const to = Math.min(seq.length, from + factor);
    let e = 0;
    for (let i = from; i < to; i++) {
      for (let k = 0; k < dim; k++) acc[k]! += seq.data[i * dim + k]!;
      if (seq.energy) e += seq.energy[i]!;
    }
    let norm = 0;
    for (let k = 0; k < dim; k++) norm += acc[k]! ** 2;
    const s = norm > 1e-12 ? 1 / Math.sqrt(norm) : 0;
    for (let k = 0; k < dim; k++) data[g * dim + k] = acc[k]! * s;
    if (energy) energy[g] = e / (to - from);
  }
  return { length: n, dim, data, energy };
}

/** Sakoe–Chiba band: columns within ±radius of the straight line from (0, 0) to (n − 1, m − 1). */
export function bandWindow(n: number, m: number, radius: number): DtwWindow {
  const lo = new Int32Array(n);
  const hi = new Int32Array(n);
  const slope = n > 1 ? (m - 1) / (n - 1) : 0;
  const r = Math.max(Math.ceil(radius), Math.ceil(slope) + 1);
  for (let i = 0; i < n; i++) {
    const c = i * slope;
    lo[i] = Math.max(0, Math.floor(c - r));
    hi[i] = Math.min(m - 1, Math.ceil(c + r));
  }
  if (n > 0) {
    lo[0] = 0;
    hi[n - 1] = m - 1;
  }
  return { lo, hi };
}

/**
 * The window at full resolution around a path found on sequences downsampled by `factor`: every fine cell
 * under a coarse path cell, widened by `radius` frames each way, made monotone so it stays connected.
 */
export function projectWindow(path: DtwPath, factor: number, n: number, m: number, radius: number): DtwWindow {
  const lo = new Int32Array(n).fill(m);
  const hi = new Int32Array(n).fill(-1);
  for (let k = 0; k < path.rows.length; k++) {
    const I = path.rows[k]!;
    const J = path.cols[k]!;
    const r0 = Math.max(0, I * factor - radius);
    const r1 = Math.min(n - 1, I * factor + factor - 1 + radius);
    const c0 = Math.max(0, J * factor - radius);
    const c1 = Math.min(m - 1, J * factor + factor - 1 + radius);
    for (let i = r0; i <= r1; i++) {
      if (c0 < lo[i]!) lo[i] = c0;
      if (c1 > hi[i]!) hi[i] = c1;
    }
  }
  // Rows the coarse path never came near (before an open begin, after an open end) get an empty-ish window
  // that the monotone passes below turn into something connected.
  for (let i = n - 2; i >= 0; i--) if (lo[i]! > lo[i + 1]!) lo[i] = lo[i + 1]!;
  for (let i = 1; i < n; i++) if (hi[i]! < hi[i - 1]!) hi[i] = hi[i - 1]!;
  for (let i = 0; i < n; i++) {
    if (hi[i]! < 0) hi[i] = Math.min(m - 1, lo[i]!);
    if (lo[i]! >= m) lo[i] = Math.max(0, hi[i]!);
    if (lo[i]! > hi[i]!) lo[i] = hi[i]!;
  }
  return { lo, hi };
}

const DIAG = 0;
const UP = 1; // from (i − 1, j): a advances, b stays
const LEFT = 2; // from (i, j − 1): b advances, a stays
const START = 3;

/** Local cost 1 − cos(a_i, b_j) (+ energy term). */
function makeCost(a: DtwSequence, b: DtwSequence, energyWeight: number): (i: number, j: number) => number {
  const dim = a.dim;
  const ad = a.data;
  const bd = b.data;
  const ea = a.energy;
  const eb = b.energy;
  if (energyWeight > 0 && ea && eb) {
    return (i, j) => {
      let dot = 0;
      const ia = i * dim;
      const jb = j * dim;
      for (let k = 0; k < dim; k++) dot += ad[ia + k]! * bd[jb + k]!;
      return 1 - dot + energyWeight * Math.abs(ea[i]! - eb[j]!);
    };
  }
  return (i, j) => {
    let dot = 0;
    const ia = i * dim;
    const jb = j * dim;
    for (let k = 0; k < dim; k++) dot += ad[ia + k]! * bd[jb + k]!;
    return 1 - dot;
  };
}

/** Local cost of every cell on a path (as DTW added it), in path order. */
export function pathCellCosts(path: DtwPath, a: DtwSequence, b: DtwSequence, energyWeight = 0): Float64Array {
  const cost = makeCost(a, b, energyWeight);
  return Float64Array.from(path.rows, (i, k) => cost(i, path.cols[k]!));
}

/**
 * DTW restricted to a window, with the plain step set {(1,1), (1,0), (0,1)} and the local cost added once
 * per cell (as aeneas). Memory: one byte of back-pointer per window cell plus two rows of costs; never n × m.
 */
export function windowedDtw(a: DtwSequence, b: DtwSequence, window: DtwWindow, opts: DtwOptions = {}): DtwPath {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) throw new AppError('INVALID_INPUT', 'DTW needs two non-empty sequences.');
  if (a.dim !== b.dim) throw new AppError('INVALID_INPUT', 'DTW sequences must have the same dimension.');
  const { lo, hi } = window;
  const openBegin = Math.min(n - 1, Math.max(0, Math.floor(opts.openBegin ?? 0)));
  const openEnd = Math.min(n - 1, Math.max(0, Math.floor(opts.openEnd ?? 0)));
  const skip = opts.skipCost ?? 0;
  const dim = a.dim;
  const ad = a.data;
  const bd = b.data;
  const weight = opts.energyWeight ?? 0;
  const ea = weight > 0 && a.energy && b.energy ? a.energy : undefined;
  const eb = ea ? b.energy! : undefined;

  const offset = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) offset[i + 1] = offset[i]! + Math.max(0, hi[i]! - lo[i]! + 1);
  const cells = offset[n]!;
  const dirs = new Uint8Array(cells);
  let maxW = 0;
  for (let i = 0; i < n; i++) maxW = Math.max(maxW, hi[i]! - lo[i]! + 1);
  // Row i − 1's and row i's accumulated costs; a row only reads the cells the row before it wrote.
  let prev = new Float64Array(maxW).fill(Infinity);
  let cur = new Float64Array(maxW).fill(Infinity);
  let prevLo = 0;
  let prevHi = -1;
  let bestEnd = Infinity;
  let bestRow = -1;
  // The row's frame of a, in locals when it has the usual 12 coefficients (c1..c12): the local cost
  // 1 − a_i·b_j (+ energy term, see makeCost) then reads only b_j per cell. Same sums in the same order.
  const unrolled = dim === 12;
  let a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0, a8 = 0, a9 = 0, a10 = 0, a11 = 0;

  for (let i = 0; i < n; i++) {
    const l = lo[i]!;
    const h = hi[i]!;
    const base = offset[i]! - l;
    const ia = i * dim;
    if (unrolled) {
      a0 = ad[ia]!; a1 = ad[ia + 1]!; a2 = ad[ia + 2]!; a3 = ad[ia + 3]!; a4 = ad[ia + 4]!; a5 = ad[ia + 5]!;
      a6 = ad[ia + 6]!; a7 = ad[ia + 7]!; a8 = ad[ia + 8]!; a9 = ad[ia + 9]!; a10 = ad[ia + 10]!; a11 = ad[ia + 11]!;
    }
    const eai = ea ? ea[i]! : 0;
    // DIAG reads prev[j − 1], UP prev[j]: only inside the columns row i − 1 covered.
    const diagFrom = i > 0 ? prevLo + 1 : Infinity;
    const diagTo = i > 0 ? prevHi + 1 : -Infinity;
    const upFrom = i > 0 ? prevLo : Infinity;
    const upTo = i > 0 ? prevHi : -Infinity;
    const startHere = i <= openBegin;
    let left = Infinity; // cur[j − 1]
    for (let j = l; j <= h; j++) {
      let dot: number;
      const jb = j * dim;
      if (unrolled) {
        dot =
          a0 * bd[jb]! + a1 * bd[jb + 1]! + a2 * bd[jb + 2]! + a3 * bd[jb + 3]! + a4 * bd[jb + 4]! + a5 * bd[jb + 5]! +
          a6 * bd[jb + 6]! + a7 * bd[jb + 7]! + a8 * bd[jb + 8]! + a9 * bd[jb + 9]! + a10 * bd[jb + 10]! + a11 * bd[jb + 11]!;
      } else {
        dot = 0;
        for (let k = 0; k < dim; k++) dot += ad[ia + k]! * bd[jb + k]!;
      }
      const c = ea ? 1 - dot + weight * Math.abs(eai - eb![j]!) : 1 - dot;
      let best = Infinity;
      let dir = START;
      if (j >= diagFrom && j <= diagTo) {
        best = prev[j - 1 - prevLo]!;
        dir = DIAG;
      }
      if (j >= upFrom && j <= upTo) {
        const v = prev[j - prevLo]!;
        if (v < best) {
          best = v;
          dir = UP;
        }
      }
      if (j > l && left < best) {
        best = left;
        dir = LEFT;
      }
      if (j === 0 && startHere) {
        const v = i * skip; // start fresh here, having skipped rows 0..i−1
        if (v <= best) {
          best = v;
          dir = START;
        }
      }
      left = best + c;
      cur[j - l] = left;
      dirs[base + j] = dir;
    }
    if (h === m - 1 && i >= n - 1 - openEnd) {
      const v = cur[h - l]! + (n - 1 - i) * skip;
      if (v < bestEnd) {
        bestEnd = v;
        bestRow = i;
      }
    }
    const t = prev;
    prev = cur;
    cur = t;
    prevLo = l;
    prevHi = h;
  }
  if (bestRow < 0 || !Number.isFinite(bestEnd)) {
    throw new AppError('INVALID_INPUT', 'DTW found no path inside the window; widen the band.');
  }

  // Backtrack.
  const rows: number[] = [];
  const cols: number[] = [];
  let i = bestRow;
  let j = m - 1;
  for (;;) {
    rows.push(i);
    cols.push(j);
    const d = dirs[offset[i]! + j - lo[i]!]!;
    if (d === START) break;
    if (d === DIAG) {
      i--;
      j--;
    } else if (d === UP) i--;
    else j--;
  }
  rows.reverse();
  cols.reverse();
  return { rows: Int32Array.from(rows), cols: Int32Array.from(cols), cost: bestEnd, cells };
}

export type MultiscaleDtwOptions = DtwOptions & {
  /** Downsampling factor of the coarse pass; default 8 (0.32 s frames at a 40 ms shift). 1 = single pass. */
  factor?: number;
  /** Sakoe–Chiba radius of the coarse pass around the diagonal, in fine frames; default 1500 (60 s at 40 ms). */
  bandRadius?: number;
  /** Radius in fine frames around the projected coarse path; default 12. */
  refineRadius?: number;
};

/**
 * Coarse-to-fine DTW (FastDTW-like, two levels): a banded DTW on sequences averaged over `factor` frames,
 * then a DTW at full resolution inside the projected path ± `refineRadius`. Memory and time are
 * O((n/f)·band/f + n·(2f + 2r)) cells instead of n × m.
 */
export function multiscaleDtw(a: DtwSequence, b: DtwSequence, opts: MultiscaleDtwOptions = {}): DtwPath {
  const factor = Math.max(1, Math.floor(opts.factor ?? 8));
  const bandRadius = opts.bandRadius ?? 1500;
  const refineRadius = opts.refineRadius ?? 12;
  const openBegin = opts.openBegin ?? 0;
  const openEnd = opts.openEnd ?? 0;
  if (factor === 1 || a.length < 4 * factor || b.length < 4 * factor) {
    return windowedDtw(a, b, bandWindow(a.length, b.length, bandRadius), opts);
  }
  const ca = downsampleSequence(a, factor);
  const cb = downsampleSequence(b, factor);
  const coarse = windowedDtw(ca, cb, bandWindow(ca.length, cb.length, bandRadius / factor), {
    ...opts,
    openBegin: Math.ceil(openBegin / factor),
    openEnd: Math.ceil(openEnd / factor),
  });
  const window = projectWindow(coarse, factor, a.length, b.length, refineRadius);
  // Let the fine pass start/end anywhere the projected window allows near the coarse start/end.
  const fineOpenBegin = openBegin > 0 ? Math.min(openBegin, (coarse.rows[0]! + 1) * factor + refineRadius) : 0;
  const lastRow = coarse.rows[coarse.rows.length - 1]!;
  const fineOpenEnd = openEnd > 0 ? Math.min(openEnd, a.length - 1 - (lastRow * factor - refineRadius)) : 0;
  const fine = windowedDtw(a, b, window, { ...opts, openBegin: fineOpenBegin, openEnd: Math.max(0, fineOpenEnd) });
  return { ...fine, cells: fine.cells + coarse.cells };
}
