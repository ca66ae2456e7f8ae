'use client';
// "Check chapter with model": pick a finished run, queue the check-chapter job, follow it, then reload the table
// (the "Model heard" column and the flags). A run too weak to judge alignments (check-readiness.ts) is refused
// here before any request, with the same reason the API gives; an admin may check anyway.
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { isActive } from '@/lib/jobs/job-status.ts';
import { checkReadiness } from '@/lib/training-runs/check-readiness.ts';
import type { ChapterCheckView } from '@/lib/training-runs/start-chapter-check.ts';
import { apiJson } from '../api-client.ts';
import { useIsAdmin } from '../auth/current-user.tsx';
import { whileActive } from '../data-layer/refresh-interval.ts';
import { useAction } from '../data-layer/use-action.ts';
import { useApi } from '../data-layer/use-api.ts';
import { Button } from '../ui/button.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { ProgressBar } from '../ui/progress-bar.tsx';
import { checkJustSucceeded } from './check-just-succeeded.ts';

export type RunOption = { id: string; label: string; devCer: number | null };

export function CheckChapterControl({ chapterId, runs }: { chapterId: string; runs: RunOption[] }) {
  const router = useRouter();
  const isAdmin = useIsAdmin();
  const [runId, setRunId] = useState(runs[0]?.id ?? '');
  const [threshold, setThreshold] = useState('0.5');
  const [force, setForce] = useState(false);
  // the chapter's latest check (none without a run to check with), followed every second while it runs
  const { data, error: loadError, mutate } = useApi<{ check: ChapterCheckView | null }>(runs.length > 0 ? `/api/chapters/${chapterId}/check` : null, {
    refreshInterval: whileActive((d) => isActive(d.check), 1000),
  });
  const check = data?.check ?? null;
  const active = check !== null && isActive(check);
  const { busy, error, run } = useAction();

  const shown = useRef<ChapterCheckView | null>(null);
  useEffect(() => {
    if (checkJustSucceeded(shown.current, check)) router.refresh();
    shown.current = check;
  }, [check, router]);

  if (runs.length === 0) {
    return <p className="text-sm text-slate-500">No finished training run to check this chapter with yet (see Training runs).</p>;
  }
  const selected = runs.find((r) => r.id === runId);
  const ready = selected ? checkReadiness(selected, Number(threshold)) : { ok: true as const };
  const refused = !ready.ok && !(isAdmin && force);
  // the route answers with the queued check: shown at once, and the poll above follows it
  const start = () =>
    run(async () =>
      mutate(await apiJson<{ check: ChapterCheckView }>(`/api/chapters/${chapterId}/check`, { body: { runId, threshold: Number(threshold), ...(ready.ok ? {} : { force: true }) } }), { revalidate: false }),
    );
  const result = check?.status === 'succeeded' ? (check.result as { checked: number; flagged: number; meanCer: number | null } | null) : null;
  return (
    <section aria-label="Check with model" className="space-y-2 rounded border border-slate-200 bg-white p-3 text-sm">
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col text-xs text-slate-600">Model (finished run)
          <select className="rounded border border-slate-300 px-2 py-1 text-sm" value={runId} onChange={(e) => { setRunId(e.target.value); setForce(false); }}>
            {runs.map((r) => <option key={r.id} value={r.id}>{r.label}</option>)}
          </select>
        </label>
        <label className="flex flex-col text-xs text-slate-600">Flag above CER
          <input className="w-20 rounded border border-slate-300 px-2 py-1 text-sm" type="number" step="0.05" min="0" value={threshold} onChange={(e) => setThreshold(e.target.value)} />
        </label>
        <Button disabled={busy || active || !runId || refused} onClick={start}>Check chapter with model</Button>
      </div>
      {!ready.ok && (
        <div role="alert" aria-label="Model too weak to check" className="space-y-1 rounded border border-amber-300 bg-amber-50 p-2 text-amber-900">
          <p>{ready.message}</p>
          {isAdmin && (
            <label className="flex items-center gap-2 text-xs">
              <input type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} />
              Check anyway (admin): its model-mismatch flags will be mostly noise in the review queue
            </label>
          )}
        </div>
      )}
      {active && (
        <div className="space-y-1">
          <ProgressBar value={check.progress} label="Model check progress" />
          <p className="text-xs text-slate-600">{check.message ?? 'Waiting for the worker…'}</p>
        </div>
      )}
      {result && (
        <p role="status" className="text-slate-700">
          Checked {result.checked} paragraphs with {check!.runId}: {result.flagged} flagged as model-mismatch{result.meanCer !== null ? `, mean CER ${(result.meanCer * 100).toFixed(1)} %` : ''}.
          {check!.overridden && <span className="text-amber-800"> Checked anyway by an admin, though: {check!.overridden}</span>}
        </p>
      )}
      {check?.status === 'failed' && <p role="alert" className="text-red-700">{check.error}</p>}
      <ErrorAlert error={error ?? loadError} />
    </section>
  );
}
