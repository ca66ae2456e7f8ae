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
const shortDate = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' });

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
      <div className="overflow-x-auto rounded border border-slate-200 bg-white">
        <table aria-label="Training runs" className="w-full text-sm [&_td]:px-2 [&_td]:py-2 [&_td]:align-top [&_th]:px-2 [&_th]:py-2 [&_th]:whitespace-nowrap">
          <thead className="bg-slate-100 text-left">
            <tr>
              <th>Run</th><th>Project</th><th>Export</th><th>Status</th><th className="text-right">Step</th>
              <th className="text-right" title="CTC loss per target character (nats)">Loss / char</th><th className="text-right">Dev CER</th><th className="text-right">Test CER</th>
              <th className="text-right">Speed</th><th>Started</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((r) => (
              <tr key={r.id} className="border-t border-slate-200">
                <td><Link href={`/runs/${r.id}`} className="font-mono text-indigo-700 hover:underline">{r.id}</Link></td>
                <td>{r.source ? <Link href={`/projects/${r.source.projectId}/export`} className="hover:underline">{r.source.projectName}</Link> : '—'}</td>
                <td className="text-xs text-slate-600">
                  {r.source ? (
                    <span title={`Export ${r.exportId}`}>
                      <span className="whitespace-nowrap">{shortDate(r.source.exportCreatedAt)}</span>
                      {r.source.exportSummary && <span className="block text-slate-500">{r.source.exportSummary}</span>}
                    </span>
                  ) : <span className="font-mono">{r.exportId} (deleted)</span>}
                </td>
                <td className="whitespace-nowrap"><StatusBadge status={r.status} />{r.etaSec !== null && <span className="ml-2 text-xs text-slate-500">ETA {formatDuration(r.etaSec)}</span>}</td>
                <td className="whitespace-nowrap text-right tabular-nums">{r.step}/{r.steps}</td>
                <td className="whitespace-nowrap text-right tabular-nums" title={r.lossUnit ? `CTC loss ${LOSS_UNIT_LABELS[r.lossUnit]}` : undefined}>
                  {r.lastLoss === null ? '—' : r.lastLoss.toFixed(3)}
                  {r.lossUnit === 'utterance' && <span className="block text-xs text-amber-700">per utterance</span>}
                </td>
                <td className="whitespace-nowrap text-right tabular-nums">{pct(r.devCer)}</td>
                <td className="whitespace-nowrap text-right tabular-nums">{pct(r.testCer)}</td>
                <td className="whitespace-nowrap text-right tabular-nums">
                  {r.utterancesPerSec === null ? '—' : `${r.utterancesPerSec.toFixed(1)} utt/s`}
                  <span className="block text-xs text-slate-500">{r.backend ?? r.settings.backend}</span>
                </td>
                <td className="text-xs text-slate-500">{shortDate(r.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
