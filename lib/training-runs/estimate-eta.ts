// Remaining time of a run from the pace of the steps done in this attempt (a resumed run restarts the clock).

/** Seconds left, or null before two steps of this attempt have been timed. */
export function estimateEtaSec(p: { step: number; steps: number; firstStep: number; elapsedSec: number }): number | null {
  const done = p.step - p.firstStep;
  if (done < 1 || p.elapsedSec <= 0) return null;
  return Math.max(0, ((p.steps - p.step) * p.elapsedSec) / done);
}

export function formatDuration(sec: number): string {
  if (!Number.isFinite(sec)) return '—';
  const s = Math.round(sec);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}
