'use client';
// Every training run, newest first; polled while one is queued or running.
import Link from 'next/link';
import { formatDuration } from '@/lib/training-runs/estimate-eta.ts';
import { isActive } from '@/lib/jobs/job-status.ts';
import { LOSS_UNIT_LABELS } from '@/lib/training-runs/training-metrics.ts';
import type { TrainingRunView } from '@/lib/training-runs/training-run-view.ts';
import { whileActive } from '../data-layer/refresh-interval.ts';
import { useApi } from '../data-layer/use-api.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { StatusBadge } from '../ui/status-badge.tsx';

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)} %`);

export function RunList({ initialRuns }: { initialRuns: TrainingRunView[] }) {
  const { data, error } = useApi<{ runs: TrainingRunView[] }>('/api/runs', {
    initial: { runs: initialRuns },
    refreshInterval: whileActive((d) => d.runs.some(isActive), 2000),
  });
  const runs = data.runs;

  if (runs.length === 0) return <p className="text-slate-600">No training runs yet. Start one from an export: &ldquo;Train on this export&rdquo;.</p>;
  return (
    <div className="space-y-2">
      <ErrorAlert error={error} />
      <table aria-label="Training runs" className="w-full rounded border border-slate-200 bg-white text-sm">
        <thead className="bg-slate-100 text-left">
          <tr><th className="px-2 py-2">Run</th><th>Project</th><th>Export</th><th>Status</th><th>Step</th><th>Loss</th><th>Dev CER</th><th>Test CER</th><th>Utt/s</th><th>Backend</th><th>Started</th></tr>
        </thead>
        <tbody>
          {runs.map((r) => (
            <tr key={r.id} className="border-t border-slate-200">
              <td className="px-2 py-2"><Link href={`/runs/${r.id}`} className="font-mono text-indigo-700 hover:underline">{r.id}</Link></td>
              <td className="pr-3">{r.source ? <Link href={`/projects/${r.source.projectId}/export`} className="hover:underline">{r.source.projectName}</Link> : '—'}</td>
              <td className="pr-3 text-xs text-slate-600">
                {r.source ? (
                  <span title={`Export ${r.exportId}`}>{new Date(r.source.exportCreatedAt).toLocaleString()}{r.source.exportSummary && <span className="block text-slate-500">{r.source.exportSummary}</span>}</span>
                ) : <span className="font-mono">{r.exportId} (deleted)</span>}
              </td>
              <td><StatusBadge status={r.status} />{r.etaSec !== null && <span className="ml-2 text-xs text-slate-500">ETA {formatDuration(r.etaSec)}</span>}</td>
              <td>{r.step}/{r.steps}</td>
              <td title={r.lossUnit ? `CTC loss ${LOSS_UNIT_LABELS[r.lossUnit]}` : undefined}>{r.lastLoss === null ? '—' : r.lastLoss.toFixed(3)}{r.lossUnit === 'utterance' && <span className="ml-1 text-xs text-amber-700">per utt.</span>}</td>
              <td>{pct(r.devCer)}</td>
              <td>{pct(r.testCer)}</td>
              <td>{r.utterancesPerSec === null ? '—' : r.utterancesPerSec.toFixed(1)}</td>
              <td>{r.backend ?? r.settings.backend}</td>
              <td className="text-slate-500">{new Date(r.createdAt).toLocaleString()}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
