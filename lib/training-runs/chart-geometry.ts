// Pure geometry of the run page's SVG line charts (loss, dev CER): data → pixel path and axis ticks. A series that
// spans more than a factor of 20 (CTC loss falling from ~30 to below 1) is drawn on a log scale.

export type ChartPoint = { x: number; y: number };
export type ChartBox = { width: number; height: number; left: number; right: number; top: number; bottom: number };
export type Tick = { at: number; label: string };
export type ChartGeometry = { path: string; dots: { cx: number; cy: number }[]; xTicks: Tick[]; yTicks: Tick[]; log: boolean };

/** 1, 2, 5 × 10^k steps giving about `count` ticks over [lo, hi]. */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

const fmt = (v: number): string => (Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? String(Number(v.toFixed(2))) : String(Number(v.toPrecision(2))));

export function chartGeometry(points: readonly ChartPoint[], box: ChartBox, opts: { xMax?: number; yZero?: boolean } = {}): ChartGeometry {
  const pts = points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
  if (pts.length === 0) return { path: '', dots: [], xTicks: [], yTicks: [], log: false };
  const xs = pts.map((p) => p.x);
  const ys = pts.map((p) => p.y);
  const x0 = Math.min(0, ...xs);
  const x1 = Math.max(opts.xMax ?? 0, ...xs, x0 + 1);
  const yMin = Math.min(...ys);
  const yMax = Math.max(...ys);
  const log = !opts.yZero && yMin > 0 && yMax / yMin > 20;
  const ty = (v: number) => (log ? Math.log10(v) : v);
  let lo = log ? ty(yMin) : opts.yZero ? Math.min(0, yMin) : yMin;
  let hi = ty(yMax);
  if (hi - lo < 1e-9) {
    lo -= 0.5;
    hi += 0.5;
  }
  const w = box.width - box.left - box.right;
  const h = box.height - box.top - box.bottom;
  const px = (x: number) => box.left + ((x - x0) / (x1 - x0)) * w;
  const py = (y: number) => box.top + (1 - (ty(y) - lo) / (hi - lo)) * h;
  const r = (v: number) => Math.round(v * 10) / 10;
  const dots = pts.map((p) => ({ cx: r(px(p.x)), cy: r(py(p.y)) }));
  const path = dots.map((d, i) => `${i === 0 ? 'M' : 'L'}${d.cx},${d.cy}`).join(' ');
  const xTicks = niceTicks(x0, x1, 5).map((v) => ({ at: r(px(v)), label: fmt(v) }));
  const yValues = log
    ? Array.from({ length: Math.floor(hi) - Math.floor(lo) + 1 }, (_, i) => 10 ** (Math.floor(lo) + i)).flatMap((d) => [d, 2 * d, 5 * d]).filter((v) => ty(v) >= lo - 1e-9 && ty(v) <= hi + 1e-9)
    : niceTicks(lo, hi, 4);
  const yTicks = yValues.map((v) => ({ at: r(py(v)), label: fmt(v) }));
  return { path, dots, xTicks, yTicks, log };
}
