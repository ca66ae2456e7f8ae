// Text/audio mismatch on a DTW path: where the path runs (almost) vertically, many synthetic frames sit on a few
// real ones — text the reader skipped; where it runs (almost) horizontally over real speech, many real frames sit
// on a few synthetic ones — speech the text does not have (an extra paragraph, a long aside).
import { multiscaleDtw, type DtwPath, type DtwSequence, type MultiscaleDtwOptions } from './dtw.ts';
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
  return out.every(Boolean) ? out.map(() => false) : out;
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
    let best = -1;
    let bestOverlap = 0;
    for (let i = 0; i + 1 < bounds.length; i++) {
      const ov = Math.min(e.end, bounds[i + 1]!) - Math.max(e.begin, bounds[i]!);
      if (ov > bestOverlap) {
        bestOverlap = ov;
        best = i;
      }
    }
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

type LocalWindow = {
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

/** The part of the path around fragments f..g and their neighbours with frames (L before, R after). */
function localWindow(
  p: DtwPath,
  colBounds: number[],
  f: number,
  g: number,
  rows: number,
  opts: MultiscaleDtwOptions,
): LocalWindow | null {
  const k = colBounds.length - 1;
  const m = colBounds[k]!;
  const empty = (x: number): boolean => colBounds[x + 1]! <= colBounds[x]!;
  let L = f - 1;
  while (L >= 0 && empty(L)) L--;
  let R = g + 1;
  while (R < k && empty(R)) R++;
  if (L < 0 && R >= k) return null;
  const sFrom = L >= 0 ? colBounds[L + 1]! : 0;
  const sTo = R < k ? colBounds[R]! : m;
  const lFrom = L >= 0 ? colBounds[L]! : sFrom;
  const rTo = R < k ? colBounds[R + 1]! : sTo;
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

function sliceSeq(seq: DtwSequence, ranges: [number, number][]): DtwSequence {
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
  const a: DtwSequence = {
    length: w.r1 - w.r0 + 1,
    dim: real.dim,
    data: real.data.subarray(w.r0 * real.dim, (w.r1 + 1) * real.dim),
    energy: real.energy?.subarray(w.r0, w.r1 + 1),
  };
  const run = (b: DtwSequence) =>
    multiscaleDtw(a, b, {
      ...opts,
      bandRadius: Math.max(a.length, b.length),
      openBegin: Math.min(w.openBegin, a.length - 1),
      openEnd: Math.min(w.openEnd, a.length - 1),
    }).cost;
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
    const w = localWindow(p, colBounds, f, g, real.length, opts);
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
      const a: DtwSequence = {
        length: r1 - r0 + 1,
        dim,
        data: real.data.subarray(r0 * dim, (r1 + 1) * dim),
        energy: real.energy?.subarray(r0, r1 + 1),
      };
      const local = multiscaleDtw(a, b, {
        ...opts,
        bandRadius: Math.max(a.length, b.length),
        openBegin: Math.min(openBegin, a.length - 1),
        openEnd: Math.min(openEnd, a.length - 1),
      });
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

/** Extra speech found by `findExtraSpeechByRemoval`: real rows [rowFrom, rowTo) near fragment `fragment`. */
export type RemovableSpeech = { fragment: number; rowFrom: number; rowTo: number; evidence: number };

/**
 * Speech the text lacks, on a real voice: the path does not cross it horizontally (a human reading matches
 * espeak-ng about as badly everywhere), it stretches the fragments around it. So for the most stretched fragments
 * (real extent per synthetic frame over `minRelativeExtent` × the chapter median and `minExcessRows` beyond
 * it), each run of consecutive
 * inter-pausal units (`speechRuns`, real rows) inside its local window is tried out: the local DTW cost with those
 * rows minus the cost without them, per removed row. Speech that belongs to the text costs little to match and
 * its removal forces its synthetic counterpart onto other audio; speech the text lacks costs a poor match per
 * frame. The best run per fragment counts above `minEvidence`; overlapping finds keep the strongest.
 */
export function findExtraSpeechByRemoval(
  path: DtwPath,
  real: DtwSequence,
  synth: DtwSequence,
  colBounds: number[],
  speechRuns: [number, number][],
  opts: MultiscaleDtwOptions & {
    minRows?: number;
    maxRuns?: number;
    minEvidence?: number;
    minRelativeExtent?: number;
    /** Frames between the path's jump over removed rows and the nearest fragment boundary; default 10. */
    maxJumpFromBoundary?: number;
    /** A fragment is looked at when it has at least this many real rows beyond the median pace; default 25 (1 s). */
    minExcessRows?: number;
    /** At most max(this, 5 % of the fragments) are looked at, the most stretched; default 3. */
    maxFragments?: number;
    /** Real row ranges already known to hold extra speech (the path crosses them horizontally): windows that
     * touch them are left to that finding. */
    exclude?: [number, number][];
  } = {},
): RemovableSpeech[] {
  const k = colBounds.length - 1;
  const m = colBounds[k]!;
  const rowOf = columnToRow(path, m);
  const extent = colBounds.slice(0, -1).map((c0, f) => {
    const c1 = colBounds[f + 1]!;
    return c1 > c0 ? (rowOf[c1 - 1]! - rowOf[c0]! + 1) / (c1 - c0) : NaN;
  });
  const finite = extent.filter(Number.isFinite).sort((x, y) => x - y);
  if (finite.length < 3) return [];
  const med = finite[finite.length >> 1]!;
  const minExtent = (opts.minRelativeExtent ?? 1.1) * med;
  const minExcess = opts.minExcessRows ?? 25;
  // Real rows beyond what the chapter's median pace gives the fragment's synthetic frames.
  const excess = extent.map((e, f) => (e - med) * (colBounds[f + 1]! - colBounds[f]!));
  // The most stretched first, and only so many: speech the text lacks is rare, and each look costs a few local
  // alignments per run of pauses in the window.
  const examine = extent
    .map((_, f) => f)
    .filter((f) => extent[f]! > minExtent && excess[f]! >= minExcess)
    .sort((x, y) => excess[y]! - excess[x]!)
    .slice(0, Math.max(opts.maxFragments ?? 3, Math.ceil(0.05 * k)))
    .sort((x, y) => x - y);
  const minRows = opts.minRows ?? 50;
  const maxRuns = opts.maxRuns ?? 6;
  const minEvidence = opts.minEvidence ?? 0.5;
  // The local DTW cost of fragment f's window (it and its neighbours) with and without real rows [from, to).
  const windows = new Map<number, { w: LocalWindow; b: DtwSequence; withIt: number; inner: number[] } | null>();
  const windowOf = (f: number) => {
    if (!windows.has(f)) {
      const w = localWindow(path, colBounds, f, f, real.length, opts);
      if (!w || w.r1 - w.r0 < 2 * minRows) windows.set(f, null);
      else {
        const b = sliceSeq(synth, [[w.lFrom, w.rTo]]);
        const withIt = alignRows(w, b, [[w.r0, w.r1 + 1]]).cost;
        windows.set(f, { w, b, withIt, inner: colBounds.filter((c) => c > w.lFrom && c < w.rTo).map((c) => c - w.lFrom) });
      }
    }
    return windows.get(f)!;
  };
  const alignRows = (w: LocalWindow, b: DtwSequence, ranges: [number, number][]): DtwPath => {
    const a = sliceSeq(real, ranges);
    return multiscaleDtw(a, b, {
      ...opts,
      bandRadius: Math.max(a.length, b.length),
      openBegin: Math.min(w.openBegin, a.length - 1),
      openEnd: Math.min(w.openEnd, a.length - 1),
    });
  };
  const nearBoundary = opts.maxJumpFromBoundary ?? 10;
  /** Cost saved per removed row in f's window; NaN when the rows are not inside it, −Infinity when the path does
   * not jump between two fragments there (speech the text lacks sits between fragments; removing a fragment's own
   * speech makes the path jump inside it). */
  const evidenceIn = (f: number, from: number, to: number): number => {
    const x = windowOf(f);
    if (!x || from <= x.w.r0 || to > x.w.r1) return NaN;
    const without = alignRows(x.w, x.b, [[x.w.r0, from], [to, x.w.r1 + 1]]);
    const gap = from - x.w.r0;
    let jumpCol = -1;
    for (let q = 0; q < without.rows.length; q++) {
      if (without.rows[q]! >= gap) {
        jumpCol = without.cols[q]!;
        break;
      }
    }
    if (jumpCol < 0 || !x.inner.some((c) => Math.abs(c - jumpCol) <= nearBoundary)) return -Infinity;
    return (x.withIt - without.cost) / (to - from);
  };
  const found: RemovableSpeech[] = [];
  for (const f of examine) {
    const x = windowOf(f);
    if (!x || (opts.exclude ?? []).some(([a, b]) => a <= x.w.r1 && b > x.w.r0)) continue;
    const runs = speechRuns.filter(([a, b]) => a > x.w.r0 && b <= x.w.r1);
    let best: RemovableSpeech | undefined;
    for (let i = 0; i < runs.length; i++) {
      for (let j = i; j < runs.length && j < i + maxRuns; j++) {
        const from = runs[i]![0];
        const to = runs[j]![1];
        if (to - from < minRows) continue;
        if (to - from > 0.7 * (x.w.r1 - x.w.r0)) break;
        const evidence = evidenceIn(f, from, to);
        if (Number.isNaN(evidence)) continue;
        if (!best || evidence > best.evidence) best = { fragment: f, rowFrom: from, rowTo: to, evidence };
      }
    }
    if (!best || !(best.evidence > minEvidence)) continue;
    // Confirmed from a neighbour's window that holds the rows too: a genuine line removed from a window that also
    // holds the real extra speech can look like a gain there, but no neighbour confirms it (measured on real
    // readings with a sentence spliced in: true finds 0.81–0.93 from both sides, the false one unconfirmed).
    let confirmed = -Infinity;
    for (const g of [f - 1, f + 1]) {
      if (g < 0 || g >= k) continue;
      const e = evidenceIn(g, best.rowFrom, best.rowTo);
      if (Number.isFinite(e)) confirmed = Math.max(confirmed, e);
    }
    best.evidence = Math.min(best.evidence, confirmed);
    if (best.evidence > minEvidence) found.push(best);
  }
  // Overlapping finds (two stretched neighbours): the strongest.
  found.sort((x, y) => y.evidence - x.evidence);
  const kept: RemovableSpeech[] = [];
  for (const x of found) if (kept.every((y) => x.rowTo <= y.rowFrom || x.rowFrom >= y.rowTo)) kept.push(x);
  return kept.sort((x, y) => x.rowFrom - y.rowFrom);
}

/**
 * Re-aligns the window of each found stretch of extra speech (`findExtraSpeechByRemoval`) without its rows: the
 * new path jumps over them between two fragments, so neither neighbour is stretched over speech the text lacks.
 * Returns a new path (monotone; the removed rows have no cell).
 */
export function realignWithoutRows(
  path: DtwPath,
  real: DtwSequence,
  synth: DtwSequence,
  colBounds: number[],
  extra: RemovableSpeech[],
  opts: MultiscaleDtwOptions,
): DtwPath {
  let p = path;
  let extraCells = 0;
  for (const x of [...extra].sort((a, b) => b.rowFrom - a.rowFrom)) {
    const w = localWindow(p, colBounds, x.fragment, x.fragment, real.length, opts);
    if (!w || x.rowFrom <= w.r0 || x.rowTo > w.r1) continue;
    const a = sliceSeq(real, [
      [w.r0, x.rowFrom],
      [x.rowTo, w.r1 + 1],
    ]);
    const b = sliceSeq(synth, [[w.lFrom, w.rTo]]);
    const local = multiscaleDtw(a, b, {
      ...opts,
      bandRadius: Math.max(a.length, b.length),
      openBegin: Math.min(w.openBegin, a.length - 1),
      openEnd: Math.min(w.openEnd, a.length - 1),
    });
    extraCells += local.cells;
    const before = x.rowFrom - w.r0;
    const rows: number[] = [];
    const cols: number[] = [];
    for (let q = 0; q < w.qa; q++) {
      rows.push(p.rows[q]!);
      cols.push(p.cols[q]!);
    }
    for (let q = 0; q < local.rows.length; q++) {
      const r = local.rows[q]!;
      rows.push(r < before ? w.r0 + r : x.rowTo + r - before);
      cols.push(w.lFrom + local.cols[q]!);
    }
    for (let q = w.qb + 1; q < p.rows.length; q++) {
      rows.push(p.rows[q]!);
      cols.push(p.cols[q]!);
    }
    p = { rows: Int32Array.from(rows), cols: Int32Array.from(cols), cost: p.cost, cells: p.cells };
  }
  return { ...p, cells: p.cells + extraCells };
}

/** Speech before the text's first fragment or after its last one that the text lacks: real rows [rowFrom, rowTo). */
export type SpokenEdge = { rowFrom: number; rowTo: number; evidence: number };

/**
 * A spoken intro or outro on a real voice ("Capítulo uno de … Esta es una grabación de LibriVox"): the open
 * begin/end of the path rarely skips it (human speech matches the wrong espeak-ng words about as badly as the right
 * ones), so the first (last) fragments swallow it. As for extra speech between fragments, each run of inter-pausal
 * units from the path's start (to its end) is tried out: the local DTW cost of the first (last) `edgeFragments`
 * fragments with those rows minus the cost without them, per removed row. The cut that saves the most beyond
 * `minEvidence` per removed row counts (so a whole intro wins over its first words). Measured on real readings
 * (bench/align-real-variants.ts): intros and outros of 3–11 s, another speaker's or the reader's own, 0.42–1.01;
 * the same readings without them, under tempo, speed, noise, reverb, band limits, at most 0.30.
 */
export function findSpokenEdges(
  path: DtwPath,
  real: DtwSequence,
  synth: DtwSequence,
  colBounds: number[],
  speechRuns: [number, number][],
  opts: MultiscaleDtwOptions & {
    minRows?: number;
    maxRows?: number;
    /** Speech (rows inside `speechRuns`) the removed rows must hold; default 38 (1.5 s): silence before the first
     * line matches speech badly too, and removing it alone proves nothing. */
    minSpeechRows?: number;
    minEvidence?: number;
    edgeFragments?: number;
  } = {},
): { head?: SpokenEdge; tail?: SpokenEdge } {
  const k = colBounds.length - 1;
  const m = colBounds[k]!;
  const edge = Math.min(opts.edgeFragments ?? 2, k - 1);
  if (edge < 1) return {};
  const minRows = opts.minRows ?? 25;
  const maxRows = opts.maxRows ?? 1500;
  const minEvidence = opts.minEvidence ?? 0.36;
  const minSpeech = opts.minSpeechRows ?? 38;
  const speechIn = (from: number, to: number): number =>
    speechRuns.reduce((acc, [a, b]) => acc + Math.max(0, Math.min(b, to) - Math.max(a, from)), 0);
  const costOf = (rows: [number, number], cols: [number, number]): number => {
    const a = sliceSeq(real, [rows]);
    const b = sliceSeq(synth, [cols]);
    return multiscaleDtw(a, b, { ...opts, openBegin: 0, openEnd: 0, bandRadius: Math.max(a.length, b.length) }).cost;
  };
  const out: { head?: SpokenEdge; tail?: SpokenEdge } = {};
  // Head: synthetic frames of the first `edge` fragments, real rows from the path's start to where they end.
  {
    const cols: [number, number] = [0, colBounds[edge]!];
    const r0 = path.rows[0]!;
    let r1 = r0;
    for (let q = 0; q < path.rows.length && path.cols[q]! < cols[1]; q++) r1 = path.rows[q]!;
    const withIt = costOf([r0, r1 + 1], cols);
    let best: SpokenEdge | undefined;
    for (const [from] of speechRuns) {
      if (from < r0 + minRows || from > r0 + maxRows) continue;
      if (r1 + 1 - from < 2 * minRows) break;
      if (speechIn(r0, from) < minSpeech) continue;
      const evidence = (withIt - costOf([from, r1 + 1], cols)) / (from - r0);
      if (!best || (evidence - minEvidence) * (from - r0) > (best.evidence - minEvidence) * (best.rowTo - best.rowFrom)) {
        best = { rowFrom: r0, rowTo: from, evidence };
      }
    }
    if (best && best.evidence > minEvidence) out.head = best;
  }
  // Tail: the last `edge` fragments.
  {
    const cols: [number, number] = [colBounds[k - edge]!, m];
    const r1 = path.rows[path.rows.length - 1]!;
    let r0 = r1;
    for (let q = path.rows.length - 1; q >= 0 && path.cols[q]! >= cols[0]; q--) r0 = path.rows[q]!;
    const withIt = costOf([r0, r1 + 1], cols);
    let best: SpokenEdge | undefined;
    for (const [, to] of speechRuns) {
      if (to > r1 + 1 - minRows || to < r1 + 1 - maxRows) continue;
      if (to - r0 < 2 * minRows) continue;
      if (speechIn(to, r1 + 1) < minSpeech) continue;
      const evidence = (withIt - costOf([r0, to], cols)) / (r1 + 1 - to);
      if (!best || (evidence - minEvidence) * (r1 + 1 - to) > (best.evidence - minEvidence) * (best.rowTo - best.rowFrom)) {
        best = { rowFrom: to, rowTo: r1 + 1, evidence };
      }
    }
    if (best && best.evidence > minEvidence) out.tail = best;
  }
  return out;
}

/** The path aligned again without a spoken intro (`head`) and/or outro (`tail`) found by `findSpokenEdges`. */
export function trimSpokenEdges(
  path: DtwPath,
  real: DtwSequence,
  synth: DtwSequence,
  colBounds: number[],
  edges: { head?: SpokenEdge; tail?: SpokenEdge },
  opts: MultiscaleDtwOptions & { edgeFragments?: number },
): DtwPath {
  const k = colBounds.length - 1;
  const m = colBounds[k]!;
  const edge = Math.min(opts.edgeFragments ?? 2, k - 1);
  let p = path;
  let extraCells = 0;
  const local = (rows: [number, number], cols: [number, number]): DtwPath => {
    const a = sliceSeq(real, [rows]);
    const b = sliceSeq(synth, [cols]);
    const r = multiscaleDtw(a, b, { ...opts, openBegin: 0, openEnd: 0, bandRadius: Math.max(a.length, b.length) });
    extraCells += r.cells;
    return r;
  };
  if (edges.head && edge >= 1) {
    const c1 = colBounds[edge]!;
    let last = 0; // last path cell of the window
    while (last + 1 < p.cols.length && p.cols[last + 1]! < c1) last++;
    const r1 = p.rows[last]!;
    const l = local([edges.head.rowTo, r1 + 1], [0, c1]);
    const rows = [...Array.from(l.rows, (r) => r + edges.head!.rowTo), ...p.rows.subarray(last + 1)];
    const cols = [...l.cols, ...p.cols.subarray(last + 1)];
    p = { rows: Int32Array.from(rows), cols: Int32Array.from(cols), cost: p.cost, cells: p.cells };
  }
  if (edges.tail && edge >= 1) {
    const c0 = colBounds[k - edge]!;
    let first = p.cols.length - 1;
    while (first > 0 && p.cols[first - 1]! >= c0) first--;
    const r0 = p.rows[first]!;
    const l = local([r0, edges.tail.rowFrom], [c0, m]);
    const rows = [...p.rows.subarray(0, first), ...Array.from(l.rows, (r) => r + r0)];
    const cols = [...p.cols.subarray(0, first), ...Array.from(l.cols, (c) => c + c0)];
    p = { rows: Int32Array.from(rows), cols: Int32Array.from(cols), cost: p.cost, cells: p.cells };
  }
  return { ...p, cells: p.cells + extraCells };
}
