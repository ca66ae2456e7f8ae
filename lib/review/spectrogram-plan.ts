// What the spectrogram reads for a window of the chapter: up to `maxContiguousSec` (zoomed in), every sample of it
// (one Range request, ≤ 1 MB at 16 kHz); longer (the whole chapter at the overview zoom), a bounded sample: one
// short excerpt (`excerpt` samples) centred in each of at most `maxColumns` columns, so the cost is the same for a
// 5-minute and a 5-hour chapter (480 × 2 KB) and a column shows a glimpse of its time span, not its average.

export type SpectrogramPlan =
  | { kind: 'contiguous'; first: number; last: number }
  | { kind: 'sampled'; columns: Array<{ first: number; count: number }> };

export function spectrogramPlan(q: {
  start: number;
  end: number;
  width: number;
  sampleRate: number;
  maxContiguousSec?: number;
  maxColumns?: number;
  excerpt?: number;
}): SpectrogramPlan {
  const { sampleRate } = q;
  const start = Math.max(0, q.start);
  const end = Math.max(start, q.end);
  const maxContiguousSec = q.maxContiguousSec ?? 30;
  const maxColumns = q.maxColumns ?? 480;
  const excerpt = q.excerpt ?? 1024;
  if (end - start <= maxContiguousSec) return { kind: 'contiguous', first: Math.floor(start * sampleRate), last: Math.ceil(end * sampleRate) };
  const n = Math.max(1, Math.min(Math.floor(q.width), maxColumns));
  const step = (end - start) / n;
  const columns = Array.from({ length: n }, (_, c) => {
    const centre = Math.round((start + (c + 0.5) * step) * sampleRate);
    return { first: Math.max(0, centre - excerpt / 2), count: excerpt };
  });
  return { kind: 'sampled', columns };
}
