// Pure geometry of the run page's SVG line charts (loss, dev CER): data → pixel path and axis ticks (nice-ticks.ts).
// A series that spans more than a factor of 20 (CTC loss falling from ~30 to below 1) is drawn on a log scale.
import { niceLogTicks, niceTicks } from './nice-ticks.ts';

export type ChartPoint = { x: number; y: number };
export type ChartBox = { width: number; height: number; left: number; right: number; top: number; bottom: number };
export type Tick = { at: number; label: string };
export type ChartGeometry = { path: string; dots: { cx: number; cy: number }[]; xTicks: Tick[]; yTicks: Tick[]; log: boolean };

export function chartGeometry(points: readonly ChartPoint[], box: ChartBox, opts: { xMax?: number; yZero?: boolean } = {}): ChartGeometry {
  const pts = points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
  if (pts.length === 0) return { path: '', dots: [], xTicks: [], yTicks: [], log: false };
  const xs = pts.map((p) => p.x);
  const ys = pts.map((p) => p.y);
  // x: the steps, over [0, xMax] exactly (room for the steps still to come); ticks inside it
  const x0 = Math.min(0, ...xs);
  const x1 = Math.max(opts.xMax ?? 0, ...xs, x0 + 1);
  const yMin = Math.min(...ys);
  const yMax = Math.max(...ys);
  const log = !opts.yZero && yMin > 0 && yMax / yMin > 20;
  // y: the domain is the nice ticks' (the lowest and highest labels frame the data)
  const y = log ? niceLogTicks(yMin, yMax) : niceTicks(opts.yZero ? Math.min(0, yMin) : yMin, yMax, 4);
  const ty = (v: number) => (log ? Math.log10(v) : v);
  const lo = ty(y.lo);
  const hi = ty(y.hi);
  const w = box.width - box.left - box.right;
  const h = box.height - box.top - box.bottom;
  const px = (x: number) => box.left + ((x - x0) / (x1 - x0)) * w;
  const py = (v: number) => box.top + (1 - (ty(v) - lo) / (hi - lo)) * h;
  const r = (v: number) => Math.round(v * 10) / 10;
  const dots = pts.map((p) => ({ cx: r(px(p.x)), cy: r(py(p.y)) }));
  const path = dots.map((d, i) => `${i === 0 ? 'M' : 'L'}${d.cx},${d.cy}`).join(' ');
  const xt = niceTicks(x0, x1, 5);
  const xTicks = xt.ticks.flatMap((v, i) => (v >= x0 && v <= x1 ? [{ at: r(px(v)), label: xt.labels[i]! }] : []));
  const yTicks = y.ticks.map((v, i) => ({ at: r(py(v)), label: y.labels[i]! }));
  return { path, dots, xTicks, yTicks, log };
}
