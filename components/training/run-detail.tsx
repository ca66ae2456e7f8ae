'use client';
// One training run, live: polled every second while queued or running.
import Link from 'next/link';
import { formatDuration } from '@/lib/training-runs/estimate-eta.ts';
import { isActive, isDone, isStopped } from '@/lib/jobs/job-status.ts';
import { LOSS_UNIT_LABELS, lossCurve } from '@/lib/training-runs/training-metrics.ts';
import type { TrainingRunView } from '@/lib/training-runs/training-run-view.ts';
import { apiJson } from '../api-client.ts';
import { whileActive } from '../data-layer/refresh-interval.ts';
import { useAction } from '../data-layer/use-action.ts';
import { useApi } from '../data-layer/use-api.ts';
import { Button } from '../ui/button.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { ProgressBar } from '../ui/progress-bar.tsx';
import { StatusBadge } from '../ui/status-badge.tsx';
import { MetricChart } from './metric-chart.tsx';
import { useIsAdmin } from '../auth/current-user.tsx';

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)} %`);

type RunResponse = { run: TrainingRunView };

export function RunDetail({ initialRun }: { initialRun: TrainingRunView }) {
  const { data, error: loadError, mutate } = useApi<RunResponse>(`/api/runs/${initialRun.id}`, {
    initial: { run: initialRun },
    refreshInterval: whileActive((d) => isActive(d.run), 1000),
  });
  const run = data.run;
  const active = isActive(run);
  const { busy, error, run: runAction } = useAction();
  const isAdmin = useIsAdmin(); // stopping a run is an admin's (the API answers 403 otherwise)
  // the route answers with the run as it is now: shown at once, no second fetch
  const act = (action: 'stop' | 'resume') => () =>
    runAction(async () => mutate(await apiJson<RunResponse>(`/api/runs/${run.id}/${action}`, { method: 'POST' }), { revalidate: false }));
  const stop = act('stop');
  const resume = act('resume');

  const s = run.settings;
  const loss = lossCurve(run.metrics);
  // in percent, so that the axis reads 0, 20, 40 … like the numbers around it
  const dev = run.metrics.filter((m) => m.devCer !== undefined).map((m) => ({ x: m.step, y: m.devCer! * 100 }));
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <Link href="/runs" className="text-sm text-slate-500 hover:underline">Training runs</Link>
        <h1 className="flex items-center gap-3 text-2xl font-semibold">
          Run <span className="font-mono text-lg">{run.id}</span> <StatusBadge status={run.status} />
        </h1>
        <p className="text-sm text-slate-600">
          {run.source ? (
            <>
              <Link href={`/projects/${run.source.projectId}/export`} className="font-medium text-slate-800 hover:underline">{run.source.projectName}</Link>
              {' · export of '}{new Date(run.source.exportCreatedAt).toLocaleString()}{run.source.exportSummary && ` (${run.source.exportSummary})`}
              {' · '}<span className="font-mono text-xs">{run.exportId}</span>
            </>
          ) : (
            <>Export <span className="font-mono">{run.exportId}</span> (deleted)</>
          )}
        </p>
        <p className="text-sm text-slate-600">{s.model} model · {s.steps} steps · batch {s.batchSize} · lr {s.lr} · backend {s.backend}</p>
      </div>
      <ErrorAlert error={error ?? loadError} />
      {run.error && run.status === 'failed' && <p role="alert" className="text-sm text-red-700">{run.error}</p>}
      <div className="space-y-2">
        <ProgressBar value={run.steps ? run.step / run.steps : 0} label="Training progress" tone={run.status === 'failed' ? 'red' : run.status === 'succeeded' ? 'green' : 'indigo'} />
        <p className="text-sm text-slate-600" data-testid="run-message">{active ? run.message ?? (run.status === 'queued' ? 'Waiting for the worker…' : 'Starting…') : run.status === 'succeeded' ? run.message : null}</p>
        {active && isAdmin && <Button variant="danger" disabled={busy} onClick={stop}>Stop</Button>}
        {isStopped(run) && isAdmin && (
          <Button variant="secondary" disabled={busy} onClick={resume} title="Continue from the latest checkpoint">Resume</Button>
        )}
      </div>
      <dl aria-label="Run summary" className="grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-4">
        <Stat label="Step" value={`${run.step} / ${run.steps}`} />
        <Stat label="Loss" value={run.lastLoss === null ? '—' : `${run.lastLoss.toFixed(3)} ${run.lossUnit ? LOSS_UNIT_LABELS[run.lossUnit] : ''}`.trim()} />
        <Stat label="Dev CER" value={pct(run.devCer)} />
        <Stat label="Utterances/s" value={run.utterancesPerSec === null ? '—' : run.utterancesPerSec.toFixed(1)} />
        <Stat label="Backend" value={run.backend ?? '—'} />
        <Stat label="Device" value={run.device ?? '—'} />
        <Stat label="ETA" value={run.etaSec === null ? '—' : formatDuration(run.etaSec)} />
        <Stat label="Test CER / WER" value={`${pct(run.testCer)} / ${pct(run.testWer)}`} />
      </dl>
      <MetricChart label="Training loss" unit={loss.unit ? `CTC, nats ${LOSS_UNIT_LABELS[loss.unit]}` : undefined} points={loss.points} xMax={run.steps} />
      <MetricChart label="Dev CER" unit="%" points={dev} xMax={run.steps} color="#059669" yZero format={(y) => `${y.toFixed(1)} %`} />
      {run.hasCheckpoint && isDone(run) && (
        <p className="text-sm">
          <Link href={`/try?run=${run.id}`} className="font-medium text-indigo-700 hover:underline">Try this model</Link> on your voice or a clip.
        </p>
      )}
    </div>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="text-xs uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="font-medium text-slate-800" aria-label={label}>{value}</dd>
    </div>
  );
}
