// Text/audio mismatch on a DTW path: where the path runs (almost) vertically, many synthetic frames sit on a few
// real ones — text the reader skipped; where it runs (almost) horizontally over real speech, many real frames sit
// on a few synthetic ones — speech the text does not have (an extra paragraph, a long aside).
import type { DtwPath, DtwSequence, MultiscaleDtwOptions } from './dtw.ts';
import { alignInWindow, localWindow, rowsOf, sliceSeq } from './local-window.ts';
import { columnToRow } from './map-path.ts';

export type StallOptions = {
  /** Half-width of the window the local slope is measured over, in frames; default 12 (0.48 s at 40 ms). */
  windowFrames?: number;
  /** A frame is stalled where the path advances less than this share of its chapter-wide rate; default 0.2. */
  maxRelativeRate?: number;
};

/** For every row i (real frame) the path covers, the middle of the columns it is matched with; NaN elsewhere. */
export function rowToColumn(path: DtwPath, rows: number): Float64Array {
  const lo = new Float64Array(rows).fill(Infinity);
  const hi = new Float64Array(rows).fill(-Infinity);
  for (let k = 0; k < path.rows.length; k++) {
    const i = path.rows[k]!;
    const j = path.cols[k]!;
    if (j < lo[i]!) lo[i] = j;
    if (j > hi[i]!) hi[i] = j;
  }
  return lo.map((l, i) => (Number.isFinite(l) ? (l + hi[i]!) / 2 : NaN));
}

/**
 * Marks positions of a monotone mapping `at` (position → position on the other axis) around which it advances
 * less than `maxRelativeRate` × `rate` per frame over ±windowFrames. Positions with NaN are never stalled.
 */
function stalled(at: Float64Array, rate: number, opts: StallOptions): Uint8Array {
  const w = Math.max(1, Math.round(opts.windowFrames ?? 12));
  const rel = opts.maxRelativeRate ?? 0.2;
  const out = new Uint8Array(at.length);
  let first = 0;
  while (first < at.length && !Number.isFinite(at[first]!)) first++;
  let last = at.length - 1;
  while (last >= first && !Number.isFinite(at[last]!)) last--;
  for (let x = first; x <= last; x++) {
    const a = Math.max(first, x - w);
    const b = Math.min(last, x + w);
    if (b - a < w) continue; // too short to judge
    if (at[b]! - at[a]! < rel * (b - a) * rate) out[x] = 1;
  }
  return out;
}

/** Synthetic frames the path crosses (almost) vertically: spoken by the synthetic voice, not found in the audio. */
export function stalledColumns(path: DtwPath, columns: number, opts: StallOptions = {}): Uint8Array {
  const rowOf = columnToRow(path, columns);
  const rate = columns > 1 ? (rowOf[columns - 1]! - rowOf[0]!) / (columns - 1) : 1;
  return stalled(rowOf, Math.max(1e-6, rate), opts);
}

/** Real frames the path crosses (almost) horizontally: audio with (almost) no synthetic counterpart. */
export function stalledRows(path: DtwPath, rows: number, opts: StallOptions = {}): Uint8Array {
  const colOf = rowToColumn(path, rows);
  const r0 = path.rows[0]!;
  const r1 = path.rows[path.rows.length - 1]!;
  const rate = r1 > r0 ? (path.cols[path.cols.length - 1]! - path.cols[0]!) / (r1 - r0) : 1;
  return stalled(colOf, Math.max(1e-6, rate), opts);
}

/**
 * Fragments that may be missing from the audio, cheap to find on the path: much of their synthetic speech is
 * crossed (almost) vertically (share ≥ `minShare`), or their real extent per synthetic frame is under
 * `maxRelativeExtent` × the chapter median. `colBounds` (length k + 1) partitions the synthetic frames by
 * fragment; `synthSpeech` marks frames with voice. Confirm with `skipEvidence`.
 */
export function findSkipCandidates(
  path: DtwPath,
  colBounds: number[],
  synthSpeech: Uint8Array,
  opts: StallOptions & { minShare?: number; minSpeechFrames?: number; maxRelativeExtent?: number } = {},
): boolean[] {
  const k = colBounds.length - 1;
  const m = colBounds[k]!;
  const st = stalledColumns(path, m, opts);
  const rowOf = columnToRow(path, m);
  const minShare = opts.minShare ?? 0.25;
  const minSpeech = opts.minSpeechFrames ?? 15;
  const extent: number[] = [];
  const speechOf: number[] = [];
  const stuckOf: number[] = [];
  for (let f = 0; f < k; f++) {
    const c0 = colBounds[f]!;
    const c1 = colBounds[f + 1]!;
    let speech = 0;
    let stuck = 0;
    for (let j = c0; j < c1; j++) {
      if (!synthSpeech[j]) continue;
      speech++;
      if (st[j]) stuck++;
    }
    speechOf.push(speech);
    stuckOf.push(stuck);
    extent.push(c1 > c0 ? (rowOf[c1 - 1]! - rowOf[c0]! + 1) / (c1 - c0) : NaN);
  }
  const finite = extent.filter(Number.isFinite).sort((x, y) => x - y);
  const med = finite.length ? finite[finite.length >> 1]! : NaN;
  const maxExtent = (opts.maxRelativeExtent ?? 0.6) * med;
  return speechOf.map((sp, f) => sp >= minSpeech && (stuckOf[f]! >= minShare * sp || extent[f]! < maxExtent));
}

/**
 * Fragments not in the audio: candidates (`findSkipCandidates`) and their neighbours whose `skipEvidence`
 * exceeds `minEvidence` and is a local maximum (default 0.5; measured: ≈ 0.75 for skipped paragraphs of espeak-ng
 * chapters, 0.67–0.84 for lines cut out of real readings, ≤ 0.47 for their neighbours, ≤ 0.19 on the unedited
 * real readings).
 * Never every fragment: then it is the audio that is wrong, not the text.
 */
export function findSkippedFragments(
  path: DtwPath,
  real: DtwSequence,
  synth: DtwSequence,
  colBounds: number[],
  synthSpeech: Uint8Array,
  opts: MultiscaleDtwOptions & { minEvidence?: number } = {},
): boolean[] {
  // On a real voice the path rarely crosses a skipped paragraph vertically: it squeezes it and its neighbours
  // into the neighbours' speech (measured: the skipped one and the one before at 0.5–0.9 of the chapter's
  // extent). So the candidates are the squeezed fragments (extent under 0.8 × median) and their neighbours, and
  // only a local maximum of the evidence counts: the neighbours of a skipped paragraph gain from its removal too.
  const candidates = findSkipCandidates(path, colBounds, synthSpeech, { maxRelativeExtent: 0.8 });
  const k = candidates.length;
  const wanted = candidates.map((c, f) => c || (f > 0 && candidates[f - 1]!) || (f + 1 < k && candidates[f + 1]!));
  const minEvidence = opts.minEvidence ?? 0.5;
  const evidence = wanted.map((w, f) => (w ? skipEvidence(path, real, synth, colBounds, f, opts) : NaN));
  const at = (f: number): number => (f >= 0 && f < k && Number.isFinite(evidence[f]!) ? evidence[f]! : -Infinity);
  const out = evidence.map((e, f) => Number.isFinite(e) && e > minEvidence && e >= at(f - 1) && e >= at(f + 1));
  if (out.every(Boolean)) return out.map(() => false);
  // Each fragment's evidence came from its own window, so a neighbour's can beat the skipped one's. Which of a
  // flagged fragment and its two neighbours is missing is decided on one window around all three, each taken out
  // in turn (bench/align-real-mismatch.ts: the cut line named 15/19 times on the clean readings, against 12/19).
  const chosen = out.slice();
  for (let f = 0; f < k; f++) {
    if (!out[f]) continue;
    const g = likeliestSkipped(path, real, synth, colBounds, f, opts);
    if (g !== f) {
      chosen[f] = false;
      chosen[g] = true;
    }
  }
  return chosen;
}

/** Neighbours with frames on each side of a skipped run that realignWithoutSkipped aligns again. */
const REALIGN_REACH = 2;

/**
 * Of fragment f and its neighbours f − 1 and f + 1, the one likeliest not in the audio: the largest skip evidence
 * (the local cost with it minus without it, per synthetic frame of it) on one window around all three. f when the
 * window cannot be built or ties.
 */
function likeliestSkipped(path: DtwPath, real: DtwSequence, synth: DtwSequence, colBounds: number[], f: number, opts: MultiscaleDtwOptions): number {
  const k = colBounds.length - 1;
  const from = Math.max(0, f - 1);
  const to = Math.min(k - 1, f + 1);
  const w = localWindow(path, colBounds, from, to, real.length, opts);
  if (!w || w.r1 <= w.r0) return f;
  const a = rowsOf(real, w.r0, w.r1);
  const cost = (ranges: [number, number][]): number => alignInWindow(a, sliceSeq(synth, ranges.filter(([x, y]) => y > x)), w, opts).cost;
  const withAll = cost([[w.lFrom, w.rTo]]);
  let best = f;
  let bestEvidence = -Infinity;
  for (let g = from; g <= to; g++) {
    const c0 = colBounds[g]!;
    const c1 = colBounds[g + 1]!;
    // a fragment without frames, or one that is the whole window, cannot be taken out
    if (c1 <= c0 || (c0 <= w.lFrom && c1 >= w.rTo)) continue;
    const evidence = (withAll - cost([[w.lFrom, c0], [c1, w.rTo]])) / (c1 - c0);
    if (evidence > bestEvidence + 1e-12 || (g === f && evidence >= bestEvidence - 1e-12)) best = g;
    bestEvidence = Math.max(bestEvidence, evidence);
  }
  return best;
}

/**
 * Stretches of real speech the path crosses (almost) horizontally, as [firstRow, lastRow + 1) frame ranges
 * trimmed to speech, with the number of speech frames in each. Stalled stretches closer than `mergeFrames`
 * are merged; a stretch counts when it holds at least `minSpeechFrames` of speech. (Over extra speech the
 * path tends to wander, creeping over the last synthetic frames of a fragment, so one extra paragraph may come
 * out as a few stretches: see `groupExtraSpeech`.)
 */
export function findExtraSpeech(
  path: DtwPath,
  rows: number,
  realSpeech: (row: number) => boolean,
  opts: StallOptions & { minSpeechFrames?: number; mergeFrames?: number } = {},
): { begin: number; end: number; speech: number }[] {
  const st = stalledRows(path, rows, { windowFrames: opts.windowFrames ?? 25, maxRelativeRate: opts.maxRelativeRate ?? 0.3 });
  const minSpeech = opts.minSpeechFrames ?? 12;
  const merge = opts.mergeFrames ?? 25;
  const out: { begin: number; end: number; speech: number }[] = [];
  let i = 0;
  while (i < rows) {
    if (!st[i]) {
      i++;
      continue;
    }
    // A stalled stretch, bridging short non-stalled gaps.
    let end = i;
    let j = i;
    while (j < rows && j - end <= merge) {
      if (st[j]) end = j + 1;
      j++;
    }
    let speech = 0;
    let first = -1;
    let last = -1;
    for (let r = i; r < end; r++) {
      if (!realSpeech(r)) continue;
      speech++;
      if (first < 0) first = r;
      last = r;
    }
    if (speech >= minSpeech) out.push({ begin: first, end: last + 1, speech });
    i = end;
  }
  return out;
}

/** The fragment (`bounds`: k + 1 sorted boundaries) that holds most of `span`; −1 when none overlaps it. */
export function fragmentHolding(span: { begin: number; end: number }, bounds: number[]): number {
  let best = -1;
  let bestOverlap = 0;
  for (let i = 0; i + 1 < bounds.length; i++) {
    const ov = Math.min(span.end, bounds[i + 1]!) - Math.max(span.begin, bounds[i]!);
    if (ov > bestOverlap) {
      bestOverlap = ov;
      best = i;
    }
  }
  return best;
}

/**
 * Groups stalled stretches (any unit) by the fragment holding most of each (`bounds`: k + 1 sorted boundaries),
 * one hull per fragment whose stretches hold at least `minSpeech` speech in all. Stretches outside every
 * fragment (head, tail) are ignored.
 */
export function groupExtraSpeech(
  stretches: { begin: number; end: number; speech: number }[],
  bounds: number[],
  minSpeech: number,
): { fragment: number; begin: number; end: number }[] {
  const byFragment = new Map<number, { begin: number; end: number; speech: number }>();
  for (const e of stretches) {
    const best = fragmentHolding(e, bounds);
    if (best < 0) continue;
    const g = byFragment.get(best);
    if (g) {
      g.begin = Math.min(g.begin, e.begin);
      g.end = Math.max(g.end, e.end);
      g.speech += e.speech;
    } else byFragment.set(best, { ...e });
  }
  return [...byFragment.entries()]
    .filter(([, g]) => g.speech >= minSpeech)
    .map(([fragment, g]) => ({ fragment, begin: g.begin, end: g.end }))
    .sort((x, y) => x.begin - y.begin);
}

/**
 * Evidence that fragment f is not in the audio: the local DTW cost (fragment f and its neighbours against the
 * real frames around them) with its synthetic frames minus the cost without them, per synthetic frame of f.
 * A fragment that is there costs little to match (≈ a good match per frame, and removing it forces its real
 * speech onto its neighbours); a skipped one costs a poor match per frame. NaN when it cannot be judged.
 */
export function skipEvidence(
  path: DtwPath,
  real: DtwSequence,
  synth: DtwSequence,
  colBounds: number[],
  f: number,
  opts: MultiscaleDtwOptions,
): number {
  const w = localWindow(path, colBounds, f, f, real.length, opts);
  if (!w || w.sTo <= w.sFrom || w.r1 <= w.r0) return NaN;
  const a = rowsOf(real, w.r0, w.r1);
  const run = (b: DtwSequence) => alignInWindow(a, b, w, opts).cost;
  const withIt = run(sliceSeq(synth, [[w.lFrom, w.rTo]]));
  if (w.rTo - w.sTo + w.sFrom - w.lFrom === 0) return NaN;
  const without = run(sliceSeq(synth, [[w.lFrom, w.sFrom], [w.sTo, w.rTo]]));
  return (withIt - without) / (w.sTo - w.sFrom);
}

/**
 * Re-aligns around runs of skipped fragments: the frames between the fragment before and the one after each run
 * are aligned again without the skipped synthetic frames, which are then put back as a vertical run at the
 * boundary between the two neighbours (zero real duration), so the neighbours are not stretched over them.
 * Returns a new path (monotone, every column covered).
 */
export function realignWithoutSkipped(
  path: DtwPath,
  real: DtwSequence,
  synth: DtwSequence,
  colBounds: number[],
  skipped: boolean[],
  opts: MultiscaleDtwOptions,
): DtwPath {
  const k = skipped.length;
  const m = synth.length;
  const dim = synth.dim;
  let p = path;
  let extraCells = 0;
  const empty = (f: number): boolean => colBounds[f + 1]! <= colBounds[f]!;
  let f = 0;
  while (f < k) {
    if (!skipped[f]) {
      f++;
      continue;
    }
    let g = f;
    while (g + 1 < k && (skipped[g + 1] || empty(g + 1))) g++;
    // two neighbours with frames on each side: when the path had put a neighbour's text over the skipped line's place,
    // the fragment beyond it was off too (bench/align-real-mismatch.ts: one on each side left boundaries 1–3 s off)
    const w = localWindow(p, colBounds, f, g, real.length, opts, REALIGN_REACH);
    f = g + 1;
    if (!w) continue;
    const { lFrom, sFrom, sTo, rTo, r0, r1, qa, qb, openBegin, openEnd } = w;
    const lLen = sFrom - lFrom;
    const rLen = rTo - sTo;
    const rowsOut: number[] = [];
    const colsOut: number[] = [];
    for (let q = 0; q < qa; q++) {
      rowsOut.push(p.rows[q]!);
      colsOut.push(p.cols[q]!);
    }
    const vertical = (row: number): void => {
      for (let c = sFrom; c < sTo; c++) {
        rowsOut.push(row);
        colsOut.push(c);
      }
    };
    if (lLen + rLen === 0 || r1 < r0) {
      vertical(r0);
    } else {
      const data = new Float32Array((lLen + rLen) * dim);
      data.set(synth.data.subarray(lFrom * dim, sFrom * dim), 0);
      data.set(synth.data.subarray(sTo * dim, rTo * dim), lLen * dim);
      let energy: Float32Array | undefined;
      if (synth.energy) {
        energy = new Float32Array(lLen + rLen);
        energy.set(synth.energy.subarray(lFrom, sFrom), 0);
        energy.set(synth.energy.subarray(sTo, rTo), lLen);
      }
      const b: DtwSequence = { length: lLen + rLen, dim, data, energy };
      const local = alignInWindow(rowsOf(real, r0, r1), b, { openBegin, openEnd }, opts);
      extraCells += local.cells;
      if (lLen === 0) vertical(r0 + local.rows[0]!);
      for (let q = 0; q < local.rows.length; q++) {
        const c = local.cols[q]!;
        rowsOut.push(r0 + local.rows[q]!);
        colsOut.push(c < lLen ? lFrom + c : sTo + c - lLen);
        // After the last cell of L: the skipped columns, on the same real frame.
        if (c === lLen - 1 && (q + 1 === local.rows.length || local.cols[q + 1]! !== c)) vertical(r0 + local.rows[q]!);
      }
    }
    for (let q = qb + 1; q < p.rows.length; q++) {
      rowsOut.push(p.rows[q]!);
      colsOut.push(p.cols[q]!);
    }
    p = { rows: Int32Array.from(rowsOut), cols: Int32Array.from(colsOut), cost: p.cost, cells: p.cells };
  }
  return { ...p, cells: p.cells + extraCells };
}
