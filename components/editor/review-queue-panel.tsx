'use client';
// The chapter's review queue: worst confidence first, filtered by status, confidence range and flag.
import { useEffect, useState } from 'react';
import { FRAGMENT_STATUSES } from '@/lib/review/fragment-view.ts';
import type { ReviewQueueItem } from '@/lib/review/review-queue.ts';
import { editorApi, type QueueFilters } from './editor-api.ts';

export function ReviewQueuePanel({
  chapterId,
  refreshKey,
  currentId,
  onSelect,
}: {
  chapterId: string;
  refreshKey: number;
  currentId: string | null;
  onSelect: (fragmentId: string) => void;
}) {
  const [filters, setFilters] = useState<QueueFilters>({ status: ['auto', 'edited'], minConfidence: '', maxConfidence: '', flagged: false });
  const [data, setData] = useState<{ total: number; items: ReviewQueueItem[] } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const ac = new AbortController();
    const timer = setTimeout(() => {
      editorApi
        .queue(chapterId, filters, ac.signal)
        .then((d) => {
          if (ac.signal.aborted) return;
          setData(d);
          setError(null);
        })
        .catch((e: unknown) => {
          if (!ac.signal.aborted) setError(e instanceof Error ? e.message : String(e));
        });
    }, 400);
    return () => {
      clearTimeout(timer);
      ac.abort();
    };
  }, [chapterId, filters, refreshKey]);

  const toggleStatus = (s: string) =>
    setFilters((f) => ({ ...f, status: f.status.includes(s) ? f.status.filter((x) => x !== s) : [...f.status, s] }));

  return (
    <section aria-label="Review queue" className="rounded border border-slate-200 bg-white p-3">
      <h3 className="mb-2 text-sm font-semibold">
        Review queue {data && <span className="font-normal text-slate-500">({data.total})</span>}
      </h3>
      <fieldset className="mb-2 flex flex-wrap gap-x-3 gap-y-1 text-xs">
        <legend className="sr-only">Status</legend>
        {FRAGMENT_STATUSES.map((s) => (
          <label key={s} className="flex items-center gap-1">
            <input type="checkbox" checked={filters.status.includes(s)} onChange={() => toggleStatus(s)} /> {s}
          </label>
        ))}
        <label className="flex items-center gap-1">
          <input type="checkbox" checked={filters.flagged} onChange={(e) => setFilters((f) => ({ ...f, flagged: e.target.checked }))} /> flagged only
        </label>
      </fieldset>
      <div className="mb-2 flex items-center gap-2 text-xs">
        <label className="flex items-center gap-1">
          Confidence from
          <input
            type="number"
            min={0}
            max={100}
            className="w-14 rounded border border-slate-300 px-1"
            value={filters.minConfidence}
            onChange={(e) => setFilters((f) => ({ ...f, minConfidence: e.target.value }))}
            aria-label="Minimum confidence (%)"
          />
        </label>
        <label className="flex items-center gap-1">
          to
          <input
            type="number"
            min={0}
            max={100}
            className="w-14 rounded border border-slate-300 px-1"
            value={filters.maxConfidence}
            onChange={(e) => setFilters((f) => ({ ...f, maxConfidence: e.target.value }))}
            aria-label="Maximum confidence (%)"
          />
          %
        </label>
      </div>
      {error && <p role="alert" className="text-xs text-red-700">{error}</p>}
      <ul className="max-h-56 overflow-y-auto text-xs">
        {data?.items.map((item) => (
          <li key={item.id}>
            <button
              type="button"
              onClick={() => onSelect(item.id)}
              className={`flex w-full gap-2 rounded px-1 py-1 text-left hover:bg-slate-100 ${item.id === currentId ? 'bg-indigo-50' : ''}`}
            >
              <span className="w-8 text-slate-500">#{item.position + 1}</span>
              <span className="w-10 tabular-nums">{item.confidence == null ? '—' : `${Math.round(item.confidence * 100)} %`}</span>
              <span className="min-w-0 flex-1 truncate" title={item.modelText ? `Model heard: ${item.modelText}` : undefined}>
                {item.flag && <span className="mr-1 rounded bg-red-50 px-1 text-xs text-red-700">{item.flag}</span>}
                {item.text}
              </span>
              <span className="text-slate-500">{item.status}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
