// Spoken intros and outros on a real voice (see findSpokenEdges), and the path aligned again without them.
import { multiscaleDtw, type DtwPath, type DtwSequence, type MultiscaleDtwOptions } from './dtw.ts';
import { sliceSeq } from './local-window.ts';

/** Speech before the text's first fragment or after its last one that the text lacks: real rows [rowFrom, rowTo). */
export type SpokenEdge = {
  rowFrom: number;
  rowTo: number;
  evidence: number;
  /** The first (last) fragments it was weighed against; more than `edgeFragments` (a wide window): trimSpokenEdges
   * aligns the whole text again without it. */
  fragments?: number;
};

/** How much more a cut must save per row when weighed against a wide head (tail) window. Measured (ratios to the
 * bar): 24–36 s preambles 1.59–1.92; the first line of a reading with another speaker's sentence spliced in later 1.05. */
const WIDE_EDGE_EVIDENCE = 1.3;

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
    /** The pause at the cut, at least; default 15 rows (0.6 s): an announcer stops before the text begins (and
     * after it ends) longer than a reader between two sentences, which a noisy room can make look as unlike. */
    minGapRows?: number;
    minEvidence?: number;
    edgeFragments?: number;
    /** Also weigh the cuts against every fragment the path starts within this many rows of its start, at
     * WIDE_EDGE_EVIDENCE × the bar (a cut found so that lies further than the first fragments' wins). An intro
     * longer than the first fragments' span (a LibriVox preamble of 15–40 s), which the path spreads over several of
     * them, ends inside that window but not inside theirs. Default 0 (not weighed). */
    headWindowRows?: number;
    /** The same for the tail: every fragment the path ends within this many rows of its end (a long sign-off). */
    tailWindowRows?: number;
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
  const minGap = opts.minGapRows ?? 15;
  const speechIn = (from: number, to: number): number =>
    speechRuns.reduce((acc, [a, b]) => acc + Math.max(0, Math.min(b, to) - Math.max(a, from)), 0);
  const costOf = (rows: [number, number], cols: [number, number]): number => {
    const a = sliceSeq(real, [rows]);
    const b = sliceSeq(synth, [cols]);
    return multiscaleDtw(a, b, { ...opts, openBegin: 0, openEnd: 0, bandRadius: Math.max(a.length, b.length) }).cost;
  };
  const out: { head?: SpokenEdge; tail?: SpokenEdge } = {};
  // Head: synthetic frames of the first `fragments` fragments, real rows from the path's start to where they end.
  const r0 = path.rows[0]!;
  const headCut = (fragments: number, needed: number): SpokenEdge | undefined => {
    const cols: [number, number] = [0, colBounds[fragments]!];
    let r1 = r0;
    for (let q = 0; q < path.rows.length && path.cols[q]! < cols[1]; q++) r1 = path.rows[q]!;
    const withIt = costOf([r0, r1 + 1], cols);
    let best: SpokenEdge | undefined;
    for (let i = 1; i < speechRuns.length; i++) {
      const from = speechRuns[i]![0];
      if (from < r0 + minRows || from > r0 + maxRows) continue;
      if (from - speechRuns[i - 1]![1] < minGap) continue;
      if (r1 + 1 - from < 2 * minRows) break;
      if (speechIn(r0, from) < minSpeech) continue;
      const evidence = (withIt - costOf([from, r1 + 1], cols)) / (from - r0);
      if (!best || (evidence - needed) * (from - r0) > (best.evidence - needed) * (best.rowTo - best.rowFrom)) {
        best = { rowFrom: r0, rowTo: from, evidence, fragments };
      }
    }
    return best && best.evidence > needed ? best : undefined;
  };
  const head = headCut(edge, minEvidence);
  let longHead: SpokenEdge | undefined;
  if (opts.headWindowRows) {
    // A longer intro: every fragment the path starts within headWindowRows, weighed against a stricter bar (the
    // wider window also holds whatever else the text lacks, which leaving out the first line can seem to pay for).
    // It wins over a cut the first fragments found when it cuts further: that one is then the intro's first part.
    let wide = edge;
    let q = 0;
    for (let e = edge + 1; e < k; e++) {
      while (q + 1 < path.cols.length && path.cols[q]! < colBounds[e]!) q++;
      if (path.rows[q]! > r0 + opts.headWindowRows) break;
      wide = e;
    }
    if (wide > edge) longHead = headCut(wide, WIDE_EDGE_EVIDENCE * minEvidence);
  }
  const chosenHead = longHead && (!head || longHead.rowTo > head.rowTo) ? longHead : head;
  if (chosenHead) out.head = chosenHead;
  // Tail: the last `fragments` fragments.
  const rEnd = path.rows[path.rows.length - 1]!;
  const tailCut = (fragments: number, needed: number): SpokenEdge | undefined => {
    const cols: [number, number] = [colBounds[k - fragments]!, m];
    const r1 = rEnd;
    let r0 = r1;
    for (let q = path.rows.length - 1; q >= 0 && path.cols[q]! >= cols[0]; q--) r0 = path.rows[q]!;
    const withIt = costOf([r0, r1 + 1], cols);
    let best: SpokenEdge | undefined;
    for (let i = 0; i + 1 < speechRuns.length; i++) {
      const to = speechRuns[i]![1];
      if (to > r1 + 1 - minRows || to < r1 + 1 - maxRows) continue;
      if (speechRuns[i + 1]![0] - to < minGap) continue;
      if (to - r0 < 2 * minRows) continue;
      if (speechIn(to, r1 + 1) < minSpeech) continue;
      const evidence = (withIt - costOf([r0, to], cols)) / (r1 + 1 - to);
      if (!best || (evidence - needed) * (r1 + 1 - to) > (best.evidence - needed) * (best.rowTo - best.rowFrom)) {
        best = { rowFrom: to, rowTo: r1 + 1, evidence, fragments };
      }
    }
    return best && best.evidence > needed ? best : undefined;
  };
  const tail = tailCut(edge, minEvidence);
  let longTail: SpokenEdge | undefined;
  if (opts.tailWindowRows) {
    // A longer outro, as for the head: every fragment the path ends within tailWindowRows of its end.
    let wide = edge;
    let q = path.cols.length - 1;
    for (let e = edge + 1; e < k; e++) {
      while (q > 0 && path.cols[q - 1]! >= colBounds[k - e]!) q--;
      if (path.rows[q]! < rEnd - opts.tailWindowRows) break;
      wide = e;
    }
    if (wide > edge) longTail = tailCut(wide, WIDE_EDGE_EVIDENCE * minEvidence);
  }
  const chosenTail = longTail && (!tail || longTail.rowFrom < tail.rowFrom) ? longTail : tail;
  if (chosenTail) out.tail = chosenTail;
  return out;
}

/**
 * The path aligned again without a spoken intro (`head`) and/or outro (`tail`) found by `findSpokenEdges`: a short
 * one within the first (last) fragments' window; one found in a wide window with the whole text between the cuts
 * (where that window ends the path may still be seconds off), the side without such a cut left open as `opts` has it.
 */
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
  const wideHead = edges.head && (edges.head.fragments ?? edge) > edge ? edges.head : undefined;
  const wideTail = edges.tail && (edges.tail.fragments ?? edge) > edge ? edges.tail : undefined;
  if (wideHead || wideTail) {
    const from = wideHead?.rowTo ?? 0;
    const again = multiscaleDtw(sliceSeq(real, [[from, wideTail?.rowFrom ?? real.length]]), synth, {
      ...opts,
      ...(wideHead ? { openBegin: 0 } : {}),
      ...(wideTail ? { openEnd: 0 } : {}),
    });
    p = { ...again, rows: again.rows.map((r) => r + from), cells: p.cells };
    extraCells += again.cells;
  }
  const short = { head: wideHead ? undefined : edges.head, tail: wideTail ? undefined : edges.tail };
  const local = (rows: [number, number], cols: [number, number]): DtwPath => {
    const a = sliceSeq(real, [rows]);
    const b = sliceSeq(synth, [cols]);
    const r = multiscaleDtw(a, b, { ...opts, openBegin: 0, openEnd: 0, bandRadius: Math.max(a.length, b.length) });
    extraCells += r.cells;
    return r;
  };
  if (short.head && edge >= 1) {
    const c1 = colBounds[edge]!;
    let last = 0; // last path cell of the window
    while (last + 1 < p.cols.length && p.cols[last + 1]! < c1) last++;
    const r1 = p.rows[last]!;
    const l = local([short.head.rowTo, r1 + 1], [0, c1]);
    const rows = [...Array.from(l.rows, (r) => r + short.head!.rowTo), ...p.rows.subarray(last + 1)];
    const cols = [...l.cols, ...p.cols.subarray(last + 1)];
    p = { rows: Int32Array.from(rows), cols: Int32Array.from(cols), cost: p.cost, cells: p.cells };
  }
  if (short.tail && edge >= 1) {
    const c0 = colBounds[k - edge]!;
    let first = p.cols.length - 1;
    while (first > 0 && p.cols[first - 1]! >= c0) first--;
    const r0 = p.rows[first]!;
    const l = local([r0, short.tail.rowFrom], [c0, m]);
    const rows = [...p.rows.subarray(0, first), ...Array.from(l.rows, (r) => r + r0)];
    const cols = [...p.cols.subarray(0, first), ...Array.from(l.cols, (c) => c + c0)];
    p = { rows: Int32Array.from(rows), cols: Int32Array.from(cols), cost: p.cost, cells: p.cells };
  }
  return { ...p, cells: p.cells + extraCells };
}
