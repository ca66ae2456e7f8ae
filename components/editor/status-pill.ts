// The colours of a paragraph's status as a small label (the list rows and the current paragraph).
export const STATUS_PILL: Record<string, string> = {
  auto: 'bg-slate-100 text-slate-700',
  edited: 'bg-amber-100 text-amber-800',
  approved: 'bg-emerald-100 text-emerald-800',
  rejected: 'bg-red-100 text-red-800',
};
