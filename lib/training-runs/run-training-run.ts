// The train-model job's work: trains the run's model on its export (read from storage: in place on local storage,
// from a scratch copy on S3) and moves each checkpoint into storage as soon as it is written
// (runs/<id>/checkpoints/step-N/, run-checkpoint.ts), so any machine can resume it or read its model. It keeps the
// run row current (about once a second, and at every dev evaluation and checkpoint), resumes from the newest stored
// checkpoint when the job runs again after a crash, stops with a final checkpoint when cancelled, and evaluates the
// test split at the end. Its scratch folder (runScratchDir) is gone when the attempt ends, however it ends.
import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { PRIVATE_DIR_MODE } from '../config/make-data-private.ts';
import { AppError } from '../errors/app-error.ts';
import { isInterruptedError } from '../errors/interrupted-error.ts';
import { getDb } from '../db/client.ts';
import type { Export, TrainingRun } from '../db/generated/client.ts';
import type { JobContext } from '../jobs/job-definition.ts';
import { SpeechDataset } from '../model/dataset.ts';
import { evaluate } from '../model/evaluate.ts';
import { selectBackend } from '../model/select-backend.ts';
import { train, type StepReport } from '../model/train-loop.ts';
import { getTrainingRunRow } from './get-training-run.ts';
import { ACTIVE_JOB_STATUSES, isDoneStatus, type DoneJobStatus } from '../jobs/job-status.ts';
import { localExportDir } from './local-export-dir.ts';
import { publishRunCheckpoint, runCheckpoint, runCheckpointSteps, type RunCheckpoint, type RunCheckpointRow } from './run-checkpoint.ts';
import { runCheckpointKey, runScratchDir, runScratchRoot } from './training-paths.ts';
import { appendMetric, LOSS_UNIT_LABELS, parseMetrics, type MetricPoint } from './training-metrics.ts';
import { checkpointEvery, MODEL_SIZES, parseTrainingSettings, type TrainingSettings } from './training-settings.ts';

export type TrainingRunResult = { runId: string; status: DoneJobStatus; step: number; lastLoss: number | null; devCer: number | null; testCer: number | null; checkpoint: string | null };

/** Writes to the run row at most this often while training (dev evaluations and checkpoints always write). */
const WRITE_EVERY_MS = 1000;

export async function runTrainingRun(runId: string, ctx: JobContext): Promise<TrainingRunResult> {
  const db = getDb();
  const row = await getTrainingRunRow(runId);
  if (isDoneStatus(row.status)) {
    const latest = await newestCheckpoint(row);
    return { runId, status: row.status, step: row.step, lastLoss: row.lastLoss, devCer: row.devCer, testCer: row.testCer, checkpoint: latest?.location ?? null };
  }
  const exp = await db.export.findUnique({ where: { id: row.exportId } });
  if (!exp) throw new AppError('NOT_FOUND', `Export ${row.exportId} of run ${runId} no longer exists.`);
  const settings = parseTrainingSettings(JSON.parse(row.settings));
  // A run keeps its checkpoints in storage; one from before that already has checkpoints in its local folder
  // goes on there (that folder is on this machine's disk only when it shares the data directory).
  const legacy = row.checkpointKey === null && row.checkpointDir !== null && (await runCheckpointSteps(row)).length > 0;
  const where: RunCheckpointRow = legacy ? row : { id: runId, checkpointKey: row.checkpointKey ?? runCheckpointKey(runId), checkpointDir: null };
  await removeEndedRunScratch();
  const scratch = runScratchDir(runId);
  await rm(scratch, { recursive: true, force: true }); // what a crashed attempt on this machine left
  await mkdir(scratch, { recursive: true, mode: PRIVATE_DIR_MODE });
  try {
    return await trainRun({ row, exp, settings, where, scratch, ctx });
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

type TrainRunInput = {
  row: TrainingRun;
  exp: Export;
  settings: TrainingSettings;
  /** Where the run's checkpoints go: storage (checkpointKey), or an older run's own folder. */
  where: RunCheckpointRow;
  /** This attempt's work folder. */
  scratch: string;
  ctx: JobContext;
};

async function trainRun({ row, exp, settings, where, scratch, ctx }: TrainRunInput): Promise<TrainingRunResult> {
  const db = getDb();
  const runId = row.id;
  const latest = await newestCheckpoint(where);
  const resumeStep = latest?.step ?? 0;
  let metrics: MetricPoint[] = parseMetrics(row.metrics).filter((m) => m.step <= resumeStep);
  await db.trainingRun.update({
    where: { id: runId },
    data: { status: 'running', error: null, finishedAt: null, step: resumeStep, checkpointKey: where.checkpointKey, checkpointDir: where.checkpointDir, metrics: JSON.stringify(metrics) },
  });
  ctx.progress(resumeStep / settings.steps, latest ? `Resuming from step ${resumeStep}…` : 'Starting…');

  let writes: Promise<unknown> = Promise.resolve();
  let lastWrite = 0;
  let utterances = 0;
  let stepSeconds = 0;
  let devCer: number | null = row.devCer;
  let last: StepReport | undefined;
  const write = (data: Parameters<typeof db.trainingRun.update>[0]['data']) => {
    lastWrite = Date.now();
    writes = writes.then(() => db.trainingRun.update({ where: { id: runId }, data })).catch(() => {}); // a missed write is repaired by the next
  };
  const throughput = () => (stepSeconds > 0 ? utterances / stepSeconds : null);

  let result;
  let exportDir: string;
  try {
    exportDir = await localExportDir(exp, path.join(scratch, 'export'), ctx.signal);
    const resumeFrom = latest ? await latest.toLocalDir(path.join(scratch, 'resume')) : undefined;
    // Selected here (train() would too) so that the page shows the backend while the first step runs.
    const selected = await selectBackend(settings.backend);
    await db.trainingRun.update({ where: { id: runId }, data: { backend: selected.backend, device: selected.device } });
    result = await train({
      exportDir,
      steps: settings.steps,
      batchSize: settings.batchSize,
      lr: settings.lr,
      backend: null,
      model: MODEL_SIZES[settings.model],
      // legacy: straight into the run's folder; else written in scratch, then moved into storage
      checkpointDir: where.checkpointDir ?? path.join(scratch, 'checkpoints'),
      publishCheckpoint: where.checkpointKey === null ? undefined : (dir, step) => publishRunCheckpoint(where.checkpointKey!, dir, step),
      checkpointEvery: checkpointEvery(settings),
      evalEvery: settings.evalEvery,
      resumeFrom,
      seed: settings.seed,
      augment: settings.augment ? undefined : false,
      signal: ctx.signal,
      onStep(r) {
        last = r;
        utterances += r.utterances;
        stepSeconds += r.utterances / r.utterancesPerSec;
        if (r.dev) devCer = r.dev.cer;
        metrics = appendMetric(metrics, { step: r.step, loss: r.loss, lossUnit: r.lossUnit, ...(r.dev ? { devCer: r.dev.cer } : {}), utterancesPerSec: r.utterancesPerSec, t: r.elapsedSec });
        // No ETA here: the run's one ETA is etaFromMetrics on the points stored above (the page's and the list's).
        ctx.progress(r.step / settings.steps, `Step ${r.step}/${settings.steps} · loss ${r.loss.toFixed(3)} ${LOSS_UNIT_LABELS[r.lossUnit]} · ${(throughput() ?? 0).toFixed(1)} utt/s`);
        if (Date.now() - lastWrite >= WRITE_EVERY_MS || r.dev || r.checkpoint || r.step >= settings.steps) {
          write({ step: r.step, lastLoss: r.loss, devCer, utterancesPerSec: throughput(), metrics: JSON.stringify(metrics) });
        }
      },
    });
  } catch (err) {
    await writes;
    await db.trainingRun.update({ where: { id: runId }, data: { error: (err as Error).message } }).catch(() => {});
    throw err;
  }
  await writes;
  const base = {
    step: result.step,
    lastLoss: Number.isFinite(result.lastLoss) ? result.lastLoss : last?.loss ?? row.lastLoss,
    devCer: result.dev?.cer ?? devCer,
    utterancesPerSec: throughput() ?? row.utterancesPerSec,
    metrics: JSON.stringify(metrics),
  };
  try {
    if (result.aborted) {
      const reason = ctx.signal.reason instanceof Error ? ctx.signal.reason.message : String(ctx.signal.reason ?? '');
      if (/lease/i.test(reason) || isInterruptedError(ctx.signal.reason)) {
        // Another worker (or this one's next start) takes the job over and resumes from the checkpoint just written.
        await db.trainingRun.update({ where: { id: runId }, data: base });
        throw new Error(`Training stopped at step ${result.step}: ${reason}`);
      }
      await db.trainingRun.update({ where: { id: runId }, data: { ...base, status: 'cancelled', finishedAt: new Date() } });
      // Throwing with the signal aborted marks the job cancelled (a plain return would mark it succeeded).
      throw new Error(`Cancelled at step ${result.step}; the checkpoint of that step is kept.`);
    }
    await db.trainingRun.update({ where: { id: runId }, data: base });
    ctx.progress(1, 'Evaluating the test split…');
    const test = await SpeechDataset.open(exportDir, { split: 'test', batchSize: settings.batchSize, seed: settings.seed }).catch((err: unknown) => {
      if (err instanceof AppError && err.code === 'NOT_FOUND') return undefined;
      throw err;
    });
    const rates = test ? await evaluate(result.model, test) : undefined;
    const finite = (x: number | undefined) => (x !== undefined && Number.isFinite(x) ? x : null);
    ctx.progress(1, `Finished ${result.step} steps${rates ? ` · test CER ${(rates.cer * 100).toFixed(1)} %` : ''}`);
    await db.trainingRun.update({
      where: { id: runId },
      data: { status: 'succeeded', testCer: finite(rates?.cer), testWer: finite(rates?.wer), finishedAt: new Date() },
    });
    return { runId, status: 'succeeded', step: result.step, lastLoss: base.lastLoss, devCer: base.devCer, testCer: finite(rates?.cer), checkpoint: result.checkpoint ?? null };
  } finally {
    result.model.dispose();
  }
}

async function newestCheckpoint(row: RunCheckpointRow): Promise<RunCheckpoint | null> {
  return runCheckpoint(row).catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'NOT_FOUND') return null;
    throw err;
  });
}

/**
 * Removes this machine's scratch folders of runs no longer queued or running (or deleted): what an attempt that
 * crashed here left when the run then went on elsewhere. An active run's folder may be another worker process's.
 */
async function removeEndedRunScratch(): Promise<void> {
  const root = runScratchRoot();
  const ids = await readdir(root).catch(() => [] as string[]);
  if (ids.length === 0) return;
  const active = await getDb().trainingRun.findMany({ where: { id: { in: ids }, status: { in: [...ACTIVE_JOB_STATUSES] } }, select: { id: true } });
  const keep = new Set(active.map((r) => r.id));
  await Promise.all(ids.filter((id) => !keep.has(id)).map((id) => rm(path.join(root, id), { recursive: true, force: true })));
}
