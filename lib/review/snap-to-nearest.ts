/**
 * The candidate nearest to `time` when it lies within `radius` seconds (inclusive), else `time` unchanged.
 * Candidates need not be sorted (pause centres of a chapter: a linear scan is far below a frame's budget).
 * On a tie the earlier candidate in the list wins.
 */
export function snapToNearest(time: number, candidates: readonly number[], radius: number): number {
  if (!(radius > 0)) return time;
  let best = time;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = Math.abs(c - time);
    if (d <= radius && d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}
