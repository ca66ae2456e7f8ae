// What the API and pages show of a training run: the row, its settings and loss curve, and the live progress of
// its job. A row left "queued"/"running" whose job already ended (a final retry failed, a cancel while queued)
// is brought in line with the job here, as exports do.
import { getDb } from '../db/client.ts';
import type { Export, Project, TrainingRun } from '../db/generated/client.ts';
import type { LossUnit } from '../model/loss-per-target.ts';
import { etaFromMetrics } from './estimate-eta.ts';
import { runCheckpointSteps } from './run-checkpoint.ts';
import { runSource, type RunSource } from './run-source.ts';
import { lossUnitOf, parseMetrics, type MetricPoint } from './training-metrics.ts';
import type { TrainingSettings } from './training-settings.ts';
import { statusFromJob } from '../jobs/status-from-job.ts';
import type { JobStatus } from '../jobs/job-status.ts';

/** A run's status is its job's (statusFromJob). */
export type TrainingRunStatus = JobStatus;

export type TrainingRunView = {
  id: string;
  exportId: string;
  /** The project and export it trains on; null when the export is gone. */
  source: RunSource | null;
  status: TrainingRunStatus;
  settings: TrainingSettings;
  backend: string | null;
  device: string | null;
  step: number;
  steps: number;
  /** In `lossUnit`. */
  lastLoss: number | null;
  /** The unit of lastLoss and of the newest loss points: 'char' (per target character), 'utterance' for runs from before. */
  lossUnit: LossUnit | null;
  devCer: number | null;
  testCer: number | null;
  testWer: number | null;
  utterancesPerSec: number | null;
  /** Seconds left (etaFromMetrics: the one estimate, from the steps of this attempt); null when unknown or finished. */
  etaSec: number | null;
  hasCheckpoint: boolean;
  metrics: MetricPoint[];
  error: string | null;
  message: string | null;
  jobId: string | null;
  createdAt: string;
  finishedAt: string | null;
};

type ExportWithProject = Export & { project: Project };

/** `row.export` (with its project), when the caller's query included it, saves a query per run. */
export async function toTrainingRunView(row: TrainingRun & { export?: ExportWithProject | null }, opts: { metrics?: boolean } = {}): Promise<TrainingRunView> {
  const db = getDb();
  const job = row.jobId ? await db.job.findUnique({ where: { id: row.jobId } }) : null;
  const { status, error, finishedAt, persist } = statusFromJob(row, job);
  if (persist) await db.trainingRun.updateMany({ where: { id: row.id, status: row.status }, data: { status, error, finishedAt } });
  const metrics = parseMetrics(row.metrics);
  const etaSec = status === 'running' ? etaFromMetrics(metrics, row.steps) : null;
  const exp = row.export !== undefined ? row.export : await db.export.findUnique({ where: { id: row.exportId }, include: { project: true } });
  return {
    id: row.id,
    exportId: row.exportId,
    source: exp ? runSource(exp) : null,
    status,
    settings: JSON.parse(row.settings) as TrainingSettings,
    backend: row.backend,
    device: row.device,
    step: row.step,
    steps: row.steps,
    lastLoss: row.lastLoss,
    lossUnit: metrics.length > 0 ? lossUnitOf(metrics.at(-1)!) : row.lastLoss === null ? null : 'utterance',
    devCer: row.devCer,
    testCer: row.testCer,
    testWer: row.testWer,
    utterancesPerSec: row.utterancesPerSec,
    etaSec,
    hasCheckpoint: (await runCheckpointSteps(row)).length > 0,
    metrics: opts.metrics === false ? [] : metrics,
    error,
    message: job?.message ?? null,
    jobId: row.jobId,
    createdAt: row.createdAt.toISOString(),
    finishedAt: finishedAt ? finishedAt.toISOString() : null,
  };
}
