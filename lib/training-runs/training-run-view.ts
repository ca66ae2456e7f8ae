// What the API and pages show of a training run: the row, its settings and loss curve, and the live progress of
// its job. A row left "queued"/"running" whose job already ended (a final retry failed, a cancel while queued)
// is brought in line with the job here, as exports do.
import { readdir } from 'node:fs/promises';
import { getDb } from '../db/client.ts';
import type { TrainingRun } from '../db/generated/client.ts';
import { estimateEtaSec } from './estimate-eta.ts';
import { parseMetrics, type MetricPoint } from './training-metrics.ts';
import type { TrainingSettings } from './training-settings.ts';
import { statusFromJob } from '../jobs/status-from-job.ts';
import type { JobStatus } from '../jobs/job-status.ts';

/** A run's status is its job's (statusFromJob). */
export type TrainingRunStatus = JobStatus;

export type TrainingRunView = {
  id: string;
  exportId: string;
  status: TrainingRunStatus;
  settings: TrainingSettings;
  backend: string | null;
  device: string | null;
  step: number;
  steps: number;
  lastLoss: number | null;
  devCer: number | null;
  testCer: number | null;
  testWer: number | null;
  utterancesPerSec: number | null;
  /** Seconds left, from the metrics of this attempt; null when unknown or finished. */
  etaSec: number | null;
  hasCheckpoint: boolean;
  metrics: MetricPoint[];
  error: string | null;
  message: string | null;
  jobId: string | null;
  createdAt: string;
  finishedAt: string | null;
};

export async function toTrainingRunView(row: TrainingRun, opts: { metrics?: boolean } = {}): Promise<TrainingRunView> {
  const db = getDb();
  const job = row.jobId ? await db.job.findUnique({ where: { id: row.jobId } }) : null;
  const { status, error, finishedAt, persist } = statusFromJob(row, job);
  if (persist) await db.trainingRun.updateMany({ where: { id: row.id, status: row.status }, data: { status, error, finishedAt } });
  const metrics = parseMetrics(row.metrics);
  let etaSec: number | null = null;
  if (status === 'running' && metrics.length >= 2) {
    // the points of this attempt: after the last time the clock went backwards
    let first = metrics.length - 1;
    while (first > 0 && metrics[first - 1]!.t <= metrics[first]!.t) first--;
    const a = metrics[first]!;
    const b = metrics[metrics.length - 1]!;
    etaSec = estimateEtaSec({ step: b.step, steps: row.steps, firstStep: a.step, elapsedSec: b.t - a.t });
  }
  return {
    id: row.id,
    exportId: row.exportId,
    status,
    settings: JSON.parse(row.settings) as TrainingSettings,
    backend: row.backend,
    device: row.device,
    step: row.step,
    steps: row.steps,
    lastLoss: row.lastLoss,
    devCer: row.devCer,
    testCer: row.testCer,
    testWer: row.testWer,
    utterancesPerSec: row.utterancesPerSec,
    etaSec,
    hasCheckpoint: row.checkpointDir !== null && (await readdir(row.checkpointDir).catch(() => [] as string[])).some((n) => /^step-\d+$/.test(n)),
    metrics: opts.metrics === false ? [] : metrics,
    error,
    message: job?.message ?? null,
    jobId: row.jobId,
    createdAt: row.createdAt.toISOString(),
    finishedAt: finishedAt ? finishedAt.toISOString() : null,
  };
}
