// A small SVG line chart (no chart library): the geometry and the nice axis ticks come from
// lib/training-runs/chart-geometry.ts.
import { chartGeometry, type ChartPoint } from '@/lib/training-runs/chart-geometry.ts';

const BOX = { width: 560, height: 200, left: 44, right: 12, top: 10, bottom: 26 };

export function MetricChart({ label, unit, points, xMax, color = '#4f46e5', yZero = false, format }: { label: string; unit?: string; points: ChartPoint[]; xMax?: number; color?: string; yZero?: boolean; format?: (y: number) => string }) {
  const g = chartGeometry(points, BOX, { xMax, yZero });
  const last = points.at(-1);
  return (
    <figure className="space-y-1">
      <figcaption className="text-sm font-medium text-slate-700">
        {label}
        {unit && <span className="ml-1 font-normal text-slate-500">({unit})</span>}
        {last && <span className="ml-2 font-normal text-slate-500">step {last.x}: {format ? format(last.y) : last.y.toFixed(3)}{g.log ? ' · log scale' : ''}</span>}
      </figcaption>
      <svg role="img" aria-label={label} data-testid={`chart-${label.toLowerCase().replace(/\W+/g, '-')}`} data-points={points.length} viewBox={`0 0 ${BOX.width} ${BOX.height}`} className="w-full max-w-2xl rounded border border-slate-200 bg-white">
        <line x1={BOX.left} x2={BOX.left} y1={BOX.top} y2={BOX.height - BOX.bottom} stroke="#cbd5e1" />
        <line x1={BOX.left} x2={BOX.width - BOX.right} y1={BOX.height - BOX.bottom} y2={BOX.height - BOX.bottom} stroke="#cbd5e1" />
        {g.yTicks.map((t, i) => (
          <g key={`y${i}`} data-testid="y-tick">
            <line x1={BOX.left} x2={BOX.width - BOX.right} y1={t.at} y2={t.at} stroke="#f1f5f9" />
            <text x={BOX.left - 4} y={t.at + 3} textAnchor="end" fontSize="10" fill="#64748b">{t.label}</text>
          </g>
        ))}
        {g.xTicks.map((t, i) => (
          <text key={`x${i}`} x={t.at} y={BOX.height - BOX.bottom + 14} textAnchor="middle" fontSize="10" fill="#64748b">{t.label}</text>
        ))}
        {g.path && <path d={g.path} fill="none" stroke={color} strokeWidth="1.5" />}
        {g.dots.length <= 40 && g.dots.map((d, i) => <circle key={i} cx={d.cx} cy={d.cy} r="2" fill={color} />)}
        {points.length === 0 && <text x={BOX.width / 2} y={BOX.height / 2} textAnchor="middle" fontSize="12" fill="#94a3b8">no data yet</text>}
      </svg>
    </figure>
  );
}
