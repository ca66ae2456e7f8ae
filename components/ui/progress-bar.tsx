export function ProgressBar({ value, label, tone = 'indigo' }: { value: number; label: string; tone?: 'indigo' | 'red' | 'green' }) {
  const pct = Math.round(Math.max(0, Math.min(1, value)) * 100);
  const color = tone === 'red' ? 'bg-red-500' : tone === 'green' ? 'bg-emerald-500' : 'bg-indigo-500';
  return (
    <div role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} className="h-2 w-full overflow-hidden rounded bg-slate-200">
      <div className={`h-full ${color} transition-[width] duration-300`} style={{ width: `${pct}%` }} />
    </div>
  );
}
