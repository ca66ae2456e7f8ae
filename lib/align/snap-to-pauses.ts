import type { Pause } from './detect-pauses.ts';

export type SnapOptions = {
  /** How far a boundary in speech may move to reach a pause; default 0.5 s. */
  maxShiftSec?: number;
};

export type SnappedBoundary = { time: number; inPause: boolean; shift: number };

/**
 * Moves each boundary (sorted, seconds) to the centre of a pause: the pause it already lies in, or else the
 * pause whose nearer edge is closest within ±maxShiftSec. Adjacent fragments share the boundary, so the end
 * of fragment i and the begin of i + 1 both become the pause centre (half the silence on each side).
 * Boundaries stay in order; a pause takes one boundary, the next one looks for another pause or stays.
 */
export function snapToPauses(boundaries: number[], pauses: Pause[], opts: SnapOptions = {}): SnappedBoundary[] {
  const maxShift = opts.maxShiftSec ?? 0.5;
  const out: SnappedBoundary[] = [];
  let k = 0; // first pause that ends at or after the current boundary − maxShift
  let prevTime = -Infinity;
  let prevPause = -1;
  for (const b of boundaries) {
    while (k < pauses.length && pauses[k]!.end < b - maxShift) k++;
    let best = -1;
    let bestDist = Infinity;
    let inUsed = false;
    for (let p = k; p < pauses.length && pauses[p]!.begin <= b + maxShift; p++) {
      const { begin, end } = pauses[p]!;
      if (p === prevPause) {
        inUsed = b >= begin && b <= end;
        continue; // one boundary per pause
      }
      const dist = b < begin ? begin - b : b > end ? b - end : 0;
      if (dist < bestDist || (dist === bestDist && best >= 0 && end - begin > pauses[best]!.end - pauses[best]!.begin)) {
        best = p;
        bestDist = dist;
      }
    }
    let time = b;
    let inPause = false;
    if (best >= 0) {
      const centre = (pauses[best]!.begin + pauses[best]!.end) / 2;
      if (centre >= prevTime) {
        time = centre;
        inPause = true;
        prevPause = best;
      }
    }
    if (!inPause) inPause = inUsed;
    if (time < prevTime) time = prevTime;
    out.push({ time, inPause, shift: time - b });
    prevTime = time;
  }
  return out;
}
