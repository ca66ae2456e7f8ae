// The loss curve stored on a run: one point per step, thinned to at most MAX_POINTS (every other point dropped,
// the last kept) so that the JSON stays small on long runs; dev evaluations are never thinned away.

export type MetricPoint = { step: number; loss: number; devCer?: number; utterancesPerSec: number; t: number };

export const MAX_METRIC_POINTS = 1000;

export function appendMetric(points: MetricPoint[], p: MetricPoint, max = MAX_METRIC_POINTS): MetricPoint[] {
  const out = points.filter((q) => q.step < p.step); // a resumed run replaces the steps after its checkpoint
  out.push(p);
  if (out.length <= max) return out;
  return out.filter((q, i) => i % 2 === 0 || q.devCer !== undefined || i === out.length - 1);
}

export function parseMetrics(json: string | null): MetricPoint[] {
  if (!json) return [];
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? (v as MetricPoint[]) : [];
  } catch {
    return [];
  }
}
