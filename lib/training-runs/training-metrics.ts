// The loss curve stored on a run: one point per step, thinned to at most MAX_POINTS (every other point dropped,
// the last kept) so that the JSON stays small on long runs; dev evaluations are never thinned away. Each point
// says its loss unit: 'char' (per target character, lib/model/loss-per-target.ts); a point without one is from
// before that normalisation, when the loss was the mean per utterance.
import type { LossUnit } from '../model/loss-per-target.ts';

export type MetricPoint = { step: number; loss: number; lossUnit?: LossUnit; devCer?: number; utterancesPerSec: number; t: number };

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

export const lossUnitOf = (p: MetricPoint): LossUnit => p.lossUnit ?? 'utterance';

/**
 * The run's loss curve in one unit, the unit of its newest point: a run trained before the normalisation and
 * resumed after it keeps its older points, which are left off the curve (they are not comparable). Null unit
 * without points.
 */
export function lossCurve(points: readonly MetricPoint[]): { unit: LossUnit | null; points: { x: number; y: number }[] } {
  const last = points.at(-1);
  if (!last) return { unit: null, points: [] };
  const unit = lossUnitOf(last);
  return { unit, points: points.filter((p) => lossUnitOf(p) === unit).map((p) => ({ x: p.step, y: p.loss })) };
}

/** How a loss in `unit` is labelled: "per character", or "per utterance" for runs trained before the normalisation. */
export const LOSS_UNIT_LABELS: Record<LossUnit, string> = { char: 'per character', utterance: 'per utterance (older run, not normalised)' };
