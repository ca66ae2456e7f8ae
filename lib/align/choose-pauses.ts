// Joint, ordered choice of one pause per break: the dynamic programme behind sentence boundaries (in the
// synthetic track and in the real audio). Each break has an expected time; it takes a pause (scored by the pause's
// length and its distance to the expected time) or none, in order, each pause at most once, so that the breaks
// together take the best set of pauses rather than each grabbing the nearest one.

/** A candidate pause; `strength` (default 1) scales its length in the score (a soft pause counts for less). */
export type PauseSpan = { begin: number; end: number; strength?: number };

export type ChoosePausesInput = {
  /** Expected time of each break, seconds, non-decreasing. */
  expected: number[];
  /** Candidate pauses, sorted, non-overlapping. */
  pauses: PauseSpan[];
  /** Seconds of distance that cost as much as one e-fold of pause length. */
  distanceScale: number;
  /** Breaks farther than this from a pause (nearer edge) cannot take it; default Infinity. */
  maxDistance?: number;
  /** Score of a break left without a pause; default −1.5 (a pause of 0.08·e^−1.5 s at its place scores as much). */
  noneScore?: number;
  /** Pause length at which the length term is 0; default 0.08 s. */
  unitSec?: number;
};

/** For each break, the index of the pause it takes, or −1. */
export function choosePauses(input: ChoosePausesInput): number[] {
  const { expected, pauses, distanceScale } = input;
  const maxDistance = input.maxDistance ?? Infinity;
  const none = input.noneScore ?? -1.5;
  const unit = input.unitSec ?? 0.08;
  const b = expected.length;
  const m = pauses.length;
  if (b === 0) return [];
  const score = (s: number, p: PauseSpan): number => {
    const t = expected[s]!;
    const d = t < p.begin ? p.begin - t : t > p.end ? t - p.end : 0;
    if (d > maxDistance) return -Infinity;
    return Math.log(Math.max(1e-3, (p.end - p.begin) * (p.strength ?? 1)) / unit) - d / distanceScale;
  };
  // v[s][p] = best total having placed breaks < s with pauses < p. Moves: take (s, p), break without a pause,
  // pause unused (free). O(b · m); callers pass the pauses of one fragment.
  const w = m + 1;
  const v = new Float64Array((b + 1) * w).fill(-Infinity);
  const move = new Uint8Array((b + 1) * w); // 1 take, 2 break without pause, 3 pause unused
  v[0] = 0;
  for (let s = 0; s <= b; s++) {
    for (let p = 0; p <= m; p++) {
      const here = v[s * w + p]!;
      if (here === -Infinity) continue;
      if (s < b && p < m) {
        const value = here + score(s, pauses[p]!);
        const to = (s + 1) * w + p + 1;
        if (value > v[to]!) {
          v[to] = value;
          move[to] = 1;
        }
      }
      if (s < b && here + none > v[(s + 1) * w + p]!) {
        v[(s + 1) * w + p] = here + none;
        move[(s + 1) * w + p] = 2;
      }
      if (p < m && here > v[s * w + p + 1]!) {
        v[s * w + p + 1] = here;
        move[s * w + p + 1] = 3;
      }
    }
  }
  const out = new Array<number>(b).fill(-1);
  for (let s = b, p = m; s > 0 || p > 0; ) {
    const how = move[s * w + p]!;
    if (how === 1) {
      out[s - 1] = p - 1;
      s--;
      p--;
    } else if (how === 2) s--;
    else p--;
  }
  return out;
}
