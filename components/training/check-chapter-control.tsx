'use client';
// "Check chapter with model": pick a finished run, queue the check-chapter job, follow it, then reload the table
// (the "Model heard" column and the flags).
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useState } from 'react';
import type { ChapterCheckView } from '@/lib/training-runs/start-chapter-check.ts';
import { apiJson } from '../api-client.ts';
import { Button } from '../ui/button.tsx';
import { ProgressBar } from '../ui/progress-bar.tsx';

export type RunOption = { id: string; label: string };

export function CheckChapterControl({ chapterId, runs }: { chapterId: string; runs: RunOption[] }) {
  const router = useRouter();
  const [runId, setRunId] = useState(runs[0]?.id ?? '');
  const [threshold, setThreshold] = useState('0.5');
  const [check, setCheck] = useState<ChapterCheckView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const active = check?.status === 'queued' || check?.status === 'running';

  const refresh = useCallback(async () => {
    try {
      const next = (await apiJson<{ check: ChapterCheckView | null }>(`/api/chapters/${chapterId}/check`)).check;
      setCheck((prev) => {
        if (prev && (prev.status === 'queued' || prev.status === 'running') && next && next.jobId === prev.jobId && next.status === 'succeeded') router.refresh();
        return next;
      });
    } catch (e) {
      setError((e as Error).message);
    }
  }, [chapterId, router]);

  useEffect(() => {
    void refresh();
  }, [refresh]);
  useEffect(() => {
    if (!active) return;
    const t = setInterval(refresh, 1000);
    return () => clearInterval(t);
  }, [refresh, active]);

  if (runs.length === 0) {
    return <p className="text-sm text-slate-500">No finished training run to check this chapter with yet (see Training runs).</p>;
  }
  const start = async () => {
    setError(null);
    try {
      setCheck((await apiJson<{ check: ChapterCheckView }>(`/api/chapters/${chapterId}/check`, { body: { runId, threshold: Number(threshold) } })).check);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const result = check?.status === 'succeeded' ? (check.result as { checked: number; flagged: number; meanCer: number | null } | null) : null;
  return (
    <section aria-label="Check with model" className="space-y-2 rounded border border-slate-200 bg-white p-3 text-sm">
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col text-xs text-slate-600">Model (finished run)
          <select className="rounded border border-slate-300 px-2 py-1 text-sm" value={runId} onChange={(e) => setRunId(e.target.value)}>
            {runs.map((r) => <option key={r.id} value={r.id}>{r.label}</option>)}
          </select>
        </label>
        <label className="flex flex-col text-xs text-slate-600">Flag above CER
          <input className="w-20 rounded border border-slate-300 px-2 py-1 text-sm" type="number" step="0.05" min="0" value={threshold} onChange={(e) => setThreshold(e.target.value)} />
        </label>
        <Button disabled={active || !runId} onClick={start}>Check chapter with model</Button>
      </div>
      {active && (
        <div className="space-y-1">
          <ProgressBar value={check.progress} label="Model check progress" />
          <p className="text-xs text-slate-600">{check.message ?? 'Waiting for the worker…'}</p>
        </div>
      )}
      {result && <p role="status" className="text-slate-700">Checked {result.checked} paragraphs with {check!.runId}: {result.flagged} flagged as model-mismatch{result.meanCer !== null ? `, mean CER ${(result.meanCer * 100).toFixed(1)} %` : ''}.</p>}
      {check?.status === 'failed' && <p role="alert" className="text-red-700">{check.error}</p>}
      {error && <p role="alert" className="text-red-700">{error}</p>}
    </section>
  );
}
