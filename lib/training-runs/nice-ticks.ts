// Axis ticks people read at a glance: 1, 2 or 5 × 10^k apart, every label in the same format, and an axis domain
// widened to the ticks around the data, so that the lowest and highest labels frame the curve and every value sits
// between two labels. Pure; the run page's charts (chart-geometry.ts) draw with it.

export type NiceTicks = {
  /** The axis domain: the first and last tick (the data lie within). */
  lo: number;
  hi: number;
  /** Ascending. */
  ticks: number[];
  /** One label per tick, as many decimals as the step needs (0.5 → "0.0", "0.5", "1.0"). */
  labels: string[];
};

/** The 1-2-5 step at or above `raw`. */
export function niceStep(raw: number): number {
  const mag = 10 ** Math.floor(Math.log10(raw));
  const f = raw / mag;
  return (f <= 1 + 1e-9 ? 1 : f <= 2 + 1e-9 ? 2 : f <= 5 + 1e-9 ? 5 : 10) * mag;
}

const decimalsOf = (v: number) => Math.max(0, -Math.floor(Math.log10(v) + 1e-9));

/** About `count` intervals of a 1-2-5 step covering [min, max] (a single value gets a small interval around it). */
export function niceTicks(min: number, max: number, count = 5): NiceTicks {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return { lo: 0, hi: 1, ticks: [0, 1], labels: ['0', '1'] };
  let a = Math.min(min, max);
  let b = Math.max(min, max);
  if (b - a < 1e-12 * Math.max(1, Math.abs(a))) {
    const pad = a === 0 ? 1 : Math.abs(a) * 0.1;
    a -= pad;
    b += pad;
  }
  const step = niceStep((b - a) / Math.max(1, count));
  const decimals = decimalsOf(step);
  const first = Math.floor(a / step + 1e-9);
  const last = Math.ceil(b / step - 1e-9);
  const ticks: number[] = [];
  // multiples of the step, each rounded once (no running sum: 0.1 + 0.2 …)
  for (let k = first; k <= last; k++) ticks.push(Number((k * step).toFixed(decimals)) + 0);
  return { lo: ticks[0]!, hi: ticks.at(-1)!, ticks, labels: ticks.map((t) => t.toFixed(decimals)) };
}

/**
 * Ticks of a log axis over [min, max] (both > 0): 1, 2, 5 × 10^k, or only the powers of ten when the data span
 * more than three decades; the domain widened to the ticks around the data.
 */
export function niceLogTicks(min: number, max: number): NiceTicks {
  const a = Math.min(min, max);
  const b = Math.max(min, max);
  if (!(a > 0) || !Number.isFinite(b)) return niceTicks(a, b);
  const d0 = Math.floor(Math.log10(a) + 1e-9);
  const d1 = Math.ceil(Math.log10(b) - 1e-9);
  const mantissas = d1 - d0 > 3 ? [1] : [1, 2, 5];
  const all: number[] = [];
  for (let d = d0; d <= d1; d++) for (const m of mantissas) all.push(Number((m * 10 ** d).toPrecision(6)));
  const lo = all.filter((v) => v <= a * (1 + 1e-9)).at(-1) ?? all[0]!;
  const hi = all.find((v) => v >= b * (1 - 1e-9)) ?? all.at(-1)!;
  const ticks = all.filter((v) => v >= lo && v <= hi);
  return { lo, hi, ticks, labels: ticks.map((t) => t.toFixed(decimalsOf(t))) };
}
