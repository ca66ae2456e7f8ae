// The one remaining-time estimate of a run, shown on its page, in the runs list and by the CLI: from the pace of
// the steps of this attempt as its loss curve records them (a resumed run restarts the clock). The pace runs
// from the attempt's first recorded step to its last, so the start-up (backend, data, model) is not counted and
// the dev evaluations and checkpoints in between are.

/** Seconds left, or null before two steps of this attempt have been timed. */
export function estimateEtaSec(p: { step: number; steps: number; firstStep: number; elapsedSec: number }): number | null {
  const done = p.step - p.firstStep;
  if (done < 1 || p.elapsedSec <= 0) return null;
  return Math.max(0, ((p.steps - p.step) * p.elapsedSec) / done);
}

/**
 * ETA of a run from its metric points (`t`: seconds since its attempt's start): the points after the last time
 * the clock went backwards are this attempt's.
 */
export function etaFromMetrics(points: readonly { step: number; t: number }[], steps: number): number | null {
  if (points.length < 2) return null;
  let first = points.length - 1;
  while (first > 0 && points[first - 1]!.t <= points[first]!.t) first--;
  const a = points[first]!;
  const b = points[points.length - 1]!;
  return estimateEtaSec({ step: b.step, steps, firstStep: a.step, elapsedSec: b.t - a.t });
}

export function formatDuration(sec: number): string {
  if (!Number.isFinite(sec)) return '—';
  const s = Math.round(sec);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}
