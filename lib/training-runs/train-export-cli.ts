// The CLI's `alinea train`: trains on an export directory in this process (no database), logs progress on stderr
// about once a second, and returns the summary the CLI prints as one JSON line.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../errors/app-error.ts';
import { SpeechDataset } from '../model/dataset.ts';
import { evaluate } from '../model/evaluate.ts';
import { releaseWebgpu } from '../model/select-backend.ts';
import { train } from '../model/train-loop.ts';
import { etaFromMetrics, formatDuration } from './estimate-eta.ts';
import { appendMetric, LOSS_UNIT_LABELS, type MetricPoint } from './training-metrics.ts';
import { checkpointEvery, MODEL_SIZES, parseTrainingSettings } from './training-settings.ts';

export type TrainCliInput = {
  exportDir: string;
  steps?: string;
  backend?: string;
  batch?: string;
  lr?: string;
  model?: string;
  out?: string;
  resume?: boolean;
  checkpointEvery?: string;
  evalEvery?: string;
  seed?: string;
  /** Also decode the test split at the end. */
  test?: boolean;
  log?: (message: string) => void;
  signal?: AbortSignal;
};

export type TrainCliSummary = {
  backend: string;
  device: string;
  steps: number;
  aborted: boolean;
  /** The last step's loss per target character (lossUnit). */
  loss: number | null;
  lossUnit: 'char';
  devCer: number | null;
  devWer: number | null;
  testCer?: number | null;
  utterancesPerSec: number | null;
  checkpoint: string | null;
  seconds: number;
};

const finite = (x: number | undefined): number | null => (x !== undefined && Number.isFinite(x) ? Math.round(x * 1e4) / 1e4 : null);

export async function trainExportCli(input: TrainCliInput): Promise<TrainCliSummary> {
  const started = performance.now();
  const log = input.log ?? (() => {});
  const settings = parseTrainingSettings({
    steps: input.steps ?? 1000,
    backend: input.backend,
    batchSize: input.batch,
    lr: input.lr,
    model: input.model,
    checkpointEvery: input.checkpointEvery,
    evalEvery: input.evalEvery,
    seed: input.seed,
  });
  const exportDir = path.resolve(input.exportDir);
  const out = path.resolve(input.out ?? `${exportDir.replace(/[/\\]+$/, '')}-model`);
  const checkpointDir = path.join(out, 'checkpoints');
  const existing = (await readdir(checkpointDir).catch(() => [] as string[])).filter((n) => /^step-\d+$/.test(n));
  if (existing.length && !input.resume) {
    throw new AppError('CONFLICT', `${checkpointDir} already holds checkpoints: pass --resume to continue that run, or another --out.`);
  }
  if (input.resume && !existing.length) log(`no checkpoint in ${checkpointDir}: starting from scratch`);

  let utterances = 0;
  let stepSeconds = 0;
  let points: MetricPoint[] = []; // the run's steps and times, for the one ETA estimate the app uses too
  let lastLog = 0;
  const result = await train({
    exportDir,
    steps: settings.steps,
    batchSize: settings.batchSize,
    lr: settings.lr,
    backend: settings.backend,
    model: MODEL_SIZES[settings.model],
    checkpointDir,
    checkpointEvery: checkpointEvery(settings),
    evalEvery: settings.evalEvery,
    resumeFrom: input.resume && existing.length ? 'latest' : undefined,
    seed: settings.seed,
    signal: input.signal,
    onStep(r) {
      points = appendMetric(points, { step: r.step, loss: r.loss, utterancesPerSec: r.utterancesPerSec, t: r.elapsedSec });
      utterances += r.utterances;
      stepSeconds += r.utterances / r.utterancesPerSec;
      const now = Date.now();
      if (now - lastLog >= 1000 || r.dev || r.step === settings.steps) {
        lastLog = now;
        const eta = etaFromMetrics(points, settings.steps);
        log(
          `step ${r.step}/${settings.steps} loss ${r.loss.toFixed(3)} ${LOSS_UNIT_LABELS[r.lossUnit]} ${(utterances / stepSeconds).toFixed(1)} utt/s` +
            `${r.dev ? ` dev CER ${(r.dev.cer * 100).toFixed(1)} %` : ''}${r.checkpoint ? ` → ${r.checkpoint}` : ''}${eta === null ? '' : ` ETA ${formatDuration(eta)}`}`,
        );
      }
    },
  });
  let testCer: number | null | undefined;
  if (input.test && !result.aborted) {
    const test = await SpeechDataset.open(exportDir, { split: 'test', batchSize: settings.batchSize }).catch(() => undefined);
    testCer = test ? finite((await evaluate(result.model, test)).cer) : null;
  }
  result.model.dispose();
  if (result.backend?.backend === 'webgpu') releaseWebgpu();
  return {
    backend: result.backend?.backend ?? 'unknown',
    device: result.backend?.device ?? 'unknown',
    steps: result.step,
    aborted: result.aborted,
    loss: finite(result.lastLoss),
    lossUnit: 'char',
    devCer: finite(result.dev?.cer),
    devWer: finite(result.dev?.wer),
    ...(testCer !== undefined ? { testCer } : {}),
    utterancesPerSec: stepSeconds > 0 ? Math.round((utterances / stepSeconds) * 100) / 100 : null,
    checkpoint: result.checkpoint ?? null,
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
}
