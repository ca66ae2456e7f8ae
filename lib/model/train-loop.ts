// The training loop: Adam with warmup and gradient clipping on the CTC loss of a CtcEncoder, dev CER/WER every
// `evalEvery` steps, checkpoints every `checkpointEvery` steps (model + optimizer + data position, so that a
// resumed run continues with the same batches and reaches the same weights), stop via an AbortSignal (a final
// checkpoint is written when a checkpointDir is set).
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { AppError } from '../errors/app-error.ts';
import { Adam } from './adam.ts';
import { checkpointName, findLatestCheckpoint, loadCheckpoint, saveCheckpoint } from './checkpoint.ts';
import { ctcLoss } from './ctc-loss.ts';
import { SpeechDataset, type AugmentOptions, type Batch } from './dataset.ts';
import { evaluate, type Evaluation } from './evaluate.ts';
import { LOSS_UNIT, lossPerTarget, type LossUnit } from './loss-per-target.ts';
import { CtcEncoder, DEFAULT_ENCODER_CONFIG, type EncoderConfig } from './model.ts';
import { selectBackend, type BackendChoice, type SelectedBackend } from './select-backend.ts';

export { evaluate } from './evaluate.ts';

export type TrainOptions = {
  /** An export directory (train and, when present, dev splits) … */
  exportDir?: string;
  /** … or datasets opened by the caller (their own batch size, seed and augmentation apply). */
  dataset?: { train: SpeechDataset; dev?: SpeechDataset };
  /** Model shape (vocabSize comes from the data); ignored when resuming. */
  model?: Partial<Omit<EncoderConfig, 'vocabSize'>>;
  /** Total optimizer steps (a resumed run counts the checkpoint's steps). */
  steps: number;
  /** With exportDir; default 16. */
  batchSize?: number;
  /** Peak learning rate; default 1e-3. */
  lr?: number;
  /** Linear warmup steps; default min(1000, steps / 10). */
  warmupSteps?: number;
  /** Global-norm clipping; default 5. */
  clipNorm?: number;
  /** Default 'auto'. Pass null to keep the backend that is already active. */
  backend?: BackendChoice | null;
  checkpointDir?: string;
  checkpointEvery?: number;
  /**
   * Called with each checkpoint just written under checkpointDir: may move it elsewhere (a training run puts it in
   * storage) and gives back where it now is, which the step report and the result name.
   */
  publishCheckpoint?: (dir: string, step: number) => Promise<string>;
  /** Dev evaluation every N steps (and at the end); default: with checkpoints, else never. */
  evalEvery?: number;
  /** A checkpoint directory, or 'latest' for the newest under checkpointDir. */
  resumeFrom?: string;
  seed?: number;
  augment?: AugmentOptions | false;
  onStep?: (report: StepReport) => void;
  signal?: AbortSignal;
};

export type StepReport = {
  step: number;
  epoch: number;
  /** CTC loss per target character of the batch (lossPerTarget: nats per character). */
  loss: number;
  /** The unit of `loss`: 'char'. */
  lossUnit: LossUnit;
  gradNorm: number;
  lr: number;
  utterances: number;
  utterancesPerSec: number;
  elapsedSec: number;
  dev?: Evaluation;
  checkpoint?: string;
};

export type TrainResult = {
  model: CtcEncoder;
  vocab: string[];
  step: number;
  backend: SelectedBackend | null;
  /** True when stopped by the signal before `steps`. */
  aborted: boolean;
  /** The last step's loss per target character. */
  lastLoss: number;
  dev?: Evaluation;
  checkpoint?: string;
};

type DataPosition = { epoch: number; batch: number };

export async function train(opts: TrainOptions): Promise<TrainResult> {
  if (!(Number.isInteger(opts.steps) && opts.steps >= 1)) throw new AppError('INVALID_INPUT', `steps must be a positive integer, got ${opts.steps}.`);
  if (opts.lr !== undefined && !(opts.lr > 0)) throw new AppError('INVALID_INPUT', `lr must be positive, got ${opts.lr}.`);
  if (opts.checkpointEvery !== undefined && !(Number.isInteger(opts.checkpointEvery) && opts.checkpointEvery >= 1)) {
    throw new AppError('INVALID_INPUT', `checkpointEvery must be a positive integer, got ${opts.checkpointEvery}.`);
  }
  const backend = opts.backend === null ? null : await selectBackend(opts.backend ?? 'auto');
  const batchSize = opts.batchSize ?? 16;
  const seed = opts.seed ?? 1;
  const data = opts.dataset ?? (await openExport(opts.exportDir, batchSize, seed, opts.augment));
  const vocab = data.train.vocab;

  let model: CtcEncoder;
  const adam = new Adam({ clipNorm: opts.clipNorm ?? 5 });
  let pos: DataPosition = { epoch: 0, batch: 0 };
  const resumeDir = opts.resumeFrom === 'latest' ? await findLatestCheckpoint(opts.checkpointDir ?? '') : opts.resumeFrom;
  if (opts.resumeFrom === 'latest' && !resumeDir) throw new AppError('NOT_FOUND', `No checkpoint to resume from in "${opts.checkpointDir}".`);
  if (resumeDir) {
    const { manifest, tensors } = await loadCheckpoint(resumeDir);
    const config = manifest.config as EncoderConfig;
    if (config.vocabSize !== vocab.length) {
      throw new AppError('CONFLICT', `Checkpoint "${resumeDir}" has ${config.vocabSize} output classes but vocab.txt has ${vocab.length}.`);
    }
    model = new CtcEncoder(config);
    model.assignWeights(tensors);
    adam.restore(manifest.step, tensors);
    const p = manifest.meta.position as DataPosition | undefined;
    if (p) pos = p;
    for (const t of tensors.values()) t.dispose();
  } else {
    model = new CtcEncoder({ ...DEFAULT_ENCODER_CONFIG, ...opts.model, vocabSize: vocab.length });
  }

  const lr = opts.lr ?? 1e-3;
  const warmup = opts.warmupSteps ?? Math.min(1000, Math.floor(opts.steps / 10));
  const evalEvery = opts.evalEvery ?? opts.checkpointEvery ?? 0;
  const start = performance.now();
  let lastLoss = NaN;
  let lastDev: Evaluation | undefined;
  let lastCheckpoint: string | undefined;
  let lastSavedStep: number | undefined;
  let aborted = false;

  const save = async (): Promise<string | undefined> => {
    if (!opts.checkpointDir) return undefined;
    const dir = path.join(opts.checkpointDir, checkpointName(adam.step));
    await saveCheckpoint(dir, {
      step: adam.step,
      config: model.config,
      meta: { position: pos, vocab, backend: backend?.backend ?? tf.getBackend() },
      tensors: [...model.variables.map(({ name, variable }) => ({ name, tensor: variable as tf.Tensor })), ...adam.state()],
    });
    lastCheckpoint = opts.publishCheckpoint ? await opts.publishCheckpoint(dir, adam.step) : dir;
    lastSavedStep = adam.step;
    return lastCheckpoint;
  };

  outer: while (adam.step < opts.steps) {
    const batches = data.train.batches(pos.epoch, pos.batch);
    let sawBatch = false;
    let t0 = performance.now();
    for await (const batch of batches) {
      if (opts.signal?.aborted) {
        aborted = true;
        break outer;
      }
      sawBatch = true;
      const step = adam.step + 1;
      const rate = warmup > 0 ? lr * Math.min(1, step / warmup) : lr;
      const { loss, gradNorm } = await trainStep(model, adam, batch, rate, step);
      pos = { epoch: pos.epoch, batch: pos.batch + 1 };
      lastLoss = loss;
      const now = performance.now();
      const report: StepReport = {
        step: adam.step,
        epoch: pos.epoch,
        loss,
        lossUnit: LOSS_UNIT,
        gradNorm,
        lr: rate,
        utterances: batch.ids.length,
        utterancesPerSec: batch.ids.length / ((now - t0) / 1000),
        elapsedSec: (now - start) / 1000,
      };
      const last = adam.step >= opts.steps;
      if (data.dev && evalEvery > 0 && (adam.step % evalEvery === 0 || last)) report.dev = lastDev = await evaluate(model, data.dev);
      if (opts.checkpointEvery && (adam.step % opts.checkpointEvery === 0 || last)) report.checkpoint = await save();
      opts.onStep?.(report);
      if (last) break outer;
      t0 = performance.now();
    }
    if (!sawBatch && pos.batch === 0) throw new AppError('INVALID_INPUT', 'The train split yielded no usable utterances.');
    pos = { epoch: pos.epoch + 1, batch: 0 };
  }
  if (aborted && opts.checkpointDir && lastSavedStep !== adam.step) await save();
  const result: TrainResult = { model, vocab, step: adam.step, backend, aborted, lastLoss, dev: lastDev, checkpoint: lastCheckpoint };
  adam.dispose();
  return result;
}

async function openExport(dir: string | undefined, batchSize: number, seed: number, augment: AugmentOptions | false | undefined) {
  if (!dir) throw new AppError('INVALID_INPUT', 'Pass exportDir (an export with the tfrecord format) or dataset.');
  const trainSet = await SpeechDataset.open(dir, { split: 'train', batchSize, seed, augment });
  const dev = await SpeechDataset.open(dir, { split: 'dev', batchSize, seed }).catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'NOT_FOUND') return undefined;
    throw err;
  });
  return { train: trainSet, dev };
}

async function trainStep(model: CtcEncoder, adam: Adam, batch: Batch, lr: number, step: number): Promise<{ loss: number; gradNorm: number }> {
  const x = tf.tensor3d(batch.features, [batch.ids.length, batch.frames, batch.bins]);
  const vars = model.variables.map(({ variable }) => variable);
  const { value, grads } = tf.variableGrads(() => {
    const { logits, lengths } = model.apply(x, batch.featureLengths, { training: true, dropoutSeed: step * 1000 });
    return tf.mean(ctcLoss(logits, batch.targets, lengths)) as tf.Scalar;
  }, vars);
  const mean = (await value.data())[0]!;
  const gradNorm = Number.isFinite(mean) ? await adam.apply(model.variables, grads, lr) : NaN;
  tf.dispose([x, value, grads]);
  if (!Number.isFinite(mean)) throw new AppError('INVALID_INPUT', `The loss became ${mean} at step ${step}: lower the learning rate.`);
  return { loss: lossPerTarget(mean, batch.targets), gradNorm };
}
