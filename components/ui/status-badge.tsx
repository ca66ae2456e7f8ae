const TONES: Record<string, string> = {
  ready: 'bg-emerald-100 text-emerald-800',
  succeeded: 'bg-emerald-100 text-emerald-800',
  accepted: 'bg-emerald-100 text-emerald-800',
  aligned: 'bg-emerald-100 text-emerald-800',
  failed: 'bg-red-100 text-red-800',
  cancelled: 'bg-slate-200 text-slate-700',
  running: 'bg-amber-100 text-amber-800',
  ingesting: 'bg-amber-100 text-amber-800',
  processing: 'bg-amber-100 text-amber-800',
  proposed: 'bg-sky-100 text-sky-800',
};

export function StatusBadge({ status }: { status: string }) {
  return <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium ${TONES[status] ?? 'bg-slate-100 text-slate-700'}`}>{status}</span>;
}
