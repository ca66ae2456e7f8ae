// Scores a sync map against timing truth, by the rule of shared/fixtures/real-es/README.md: N lines have N + 1
// boundaries (first begin, each end/next begin, last end); a boundary's error is 0 inside the pause it belongs to
// (between the previous speech span's end and the next one's begin) and otherwise the distance to that pause.
// Where a fragment's end and the next fragment's begin differ, both are judged and the worse counts.

export type TruthSpan = { begin: number; end: number };

export type AlignmentTruth = {
  duration: number;
  /** Speech before the first line that is not in the text; [0, 0] when there is none. */
  preamble: [number, number];
  /** Speech after the last line that is not in the text; [duration, duration] when there is none. */
  outro: [number, number];
  paragraphs: TruthSpan[];
};

export type AlignmentScore = {
  /** Error of each boundary, seconds (N + 1 of them). */
  errors: number[];
  inPauseShare: number;
  meanSec: number;
  p95Sec: number;
  maxSec: number;
};

/** The pause boundary b belongs to: [end of the speech before it, begin of the speech after it]. */
export function truthPauses(truth: AlignmentTruth): TruthSpan[] {
  const p = truth.paragraphs;
  const out: TruthSpan[] = [];
  for (let b = 0; b <= p.length; b++) {
    const begin = b === 0 ? truth.preamble[1] : p[b - 1]!.end;
    const end = b === p.length ? truth.outro[0] : p[b]!.begin;
    out.push({ begin, end });
  }
  return out;
}

const distanceTo = (t: number, pause: TruthSpan): number => (t < pause.begin ? pause.begin - t : t > pause.end ? t - pause.end : 0);

export function scoreAlignment(fragments: TruthSpan[], truth: AlignmentTruth): AlignmentScore {
  if (fragments.length !== truth.paragraphs.length) {
    throw new Error(`The sync map has ${fragments.length} fragments, the truth ${truth.paragraphs.length}.`);
  }
  const pauses = truthPauses(truth);
  const n = fragments.length;
  const errors = pauses.map((pause, b) => {
    const times = [b > 0 ? fragments[b - 1]!.end : undefined, b < n ? fragments[b]!.begin : undefined].filter(
      (t): t is number => t !== undefined,
    );
    return Math.max(...times.map((t) => distanceTo(t, pause)));
  });
  return summariseErrors(errors);
}

/** Share at 0 error, mean, p95 (nearest rank) and max of a list of boundary errors (seconds). */
export function summariseErrors(errors: number[]): AlignmentScore {
  const sorted = [...errors].sort((a, b) => a - b);
  const n = sorted.length;
  return {
    errors,
    inPauseShare: n ? errors.filter((e) => e === 0).length / n : 1,
    meanSec: n ? errors.reduce((a, b) => a + b, 0) / n : 0,
    p95Sec: n ? sorted[Math.min(n - 1, Math.ceil(0.95 * n) - 1)]! : 0,
    maxSec: n ? sorted[n - 1]! : 0,
  };
}

/** The naive baseline: the audio from `begin` to `end` shared out in proportion to each line's character count. */
export function proportionalSplit(texts: string[], begin: number, end: number): TruthSpan[] {
  const chars = texts.map((t) => Math.max(1, t.replace(/\s+/g, '').length));
  const total = chars.reduce((a, b) => a + b, 0);
  const out: TruthSpan[] = [];
  let acc = 0;
  for (const c of chars) {
    const b = begin + ((end - begin) * acc) / total;
    acc += c;
    out.push({ begin: b, end: begin + ((end - begin) * acc) / total });
  }
  return out;
}
