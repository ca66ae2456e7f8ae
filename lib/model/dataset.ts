// Reads an export directory (dataset.json, vocab.txt, tfrecord/{split}-NNNNN-of-NNNNN.tfrecord[.gz]) as batches for
// CTC training. Streaming: shards are read in turn and `bucketSize` utterances at a time are sorted by length and
// cut into batches (padding stays small without holding the corpus in memory); with shuffling, shard order and
// batch order are drawn from (seed, epoch). Features (log-mel, per-utterance normalised) are computed when a
// batch is yielded, so skipped batches (resuming mid-epoch) cost only the reading. Augmentation (noise on the
// waveform, then SpecAugment) draws from an RNG seeded by (seed, epoch, batch), so a batch is reproducible.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../errors/app-error.ts';
import { decodeSpeechExample } from '../corpus/speech-example.ts';
import { readTFRecords } from '../corpus/tfrecord-reader.ts';
import { BLANK_TOKEN } from '../corpus/vocab.ts';
import { addNoise, specAugment, type NoiseOptions, type SpecAugmentOptions } from './augment.ts';
import { logMel, type LogMelOptions } from './log-mel.ts';
import { createRandom } from './seeded-random.ts';

export type AugmentOptions = {
  /** SpecAugment masks; false turns them off. */
  specAugment?: SpecAugmentOptions | false;
  /** Additive noise with this probability per utterance (default 0.5); false turns it off. */
  noise?: (NoiseOptions & { probability?: number }) | false;
};

export type DatasetOptions = {
  split: string;
  batchSize: number;
  /** Default: true for the train split. */
  shuffle?: boolean;
  /** Default: on (SpecAugment + noise) for the train split, off otherwise. */
  augment?: AugmentOptions | false;
  seed?: number;
  /** Utterances sorted together into batches; default 50 × batchSize. */
  bucketSize?: number;
  /** Log-mel settings; normalize defaults to true. */
  features?: LogMelOptions;
  /** Longer utterances are skipped; default 20 s. */
  maxSeconds?: number;
  /** Time subsampling of the model: utterances with fewer output frames than CTC needs are skipped. Default 4. */
  subsampling?: number;
};

export type Batch = {
  ids: string[];
  texts: string[];
  /** [batch, frames, bins] time-major, zero-padded. */
  features: Float32Array;
  frames: number;
  bins: number;
  featureLengths: number[];
  /** Label ids per utterance (unpadded). */
  targets: number[][];
  /** [batch, maxTargetLength], padded with the blank (0). */
  paddedTargets: Int32Array;
  targetLengths: number[];
};

type Utterance = { id: string; text: string; targets: number[]; samples: Int16Array };

/** Frames of logMel for n samples with the given options. */
function frameCount(n: number, f: LogMelOptions): number {
  const rate = f.sampleRate ?? 16_000;
  const win = Math.round(((f.windowMs ?? 25) * rate) / 1000);
  const hop = Math.round(((f.hopMs ?? 10) * rate) / 1000);
  return n < win ? 0 : 1 + Math.floor((n - win) / hop);
}

/** Output frames CTC needs for `targets`: one per label plus a blank between repeated labels. */
function ctcFramesNeeded(targets: readonly number[]): number {
  let n = targets.length;
  for (let i = 1; i < targets.length; i++) if (targets[i] === targets[i - 1]) n++;
  return n;
}

/** A 32-bit mix of integers for per-(seed, epoch, batch) RNG seeds. */
function mix(...xs: number[]): number {
  let h = 0x811c9dc5;
  for (const x of xs) {
    h = Math.imul(h ^ (x >>> 0), 0x01000193);
    h ^= h >>> 15;
  }
  return h >>> 0;
}

export class SpeechDataset {
  readonly dir: string;
  readonly vocab: string[];
  readonly files: string[];
  readonly info: Record<string, unknown>;
  readonly options: Required<Omit<DatasetOptions, 'augment'>> & { augment: AugmentOptions | false };
  /** Utterances skipped in the last full pass (too long, too short for their targets). */
  skipped = 0;

  private constructor(dir: string, vocab: string[], files: string[], info: Record<string, unknown>, opts: DatasetOptions) {
    this.dir = dir;
    this.vocab = vocab;
    this.files = files;
    this.info = info;
    const train = opts.split === 'train';
    this.options = {
      split: opts.split,
      batchSize: opts.batchSize,
      shuffle: opts.shuffle ?? train,
      augment: opts.augment ?? (train ? {} : false),
      seed: opts.seed ?? 1,
      bucketSize: opts.bucketSize ?? 50 * opts.batchSize,
      features: { normalize: true, ...opts.features },
      maxSeconds: opts.maxSeconds ?? 20,
      subsampling: opts.subsampling ?? 4,
    };
  }

  /** Opens one split of an export; throws NOT_FOUND without vocab.txt or shards of that split. */
  static async open(dir: string, opts: DatasetOptions): Promise<SpeechDataset> {
    if (!(Number.isInteger(opts.batchSize) && opts.batchSize >= 1)) throw new AppError('INVALID_INPUT', `batchSize must be a positive integer, got ${opts.batchSize}.`);
    let vocabText: string;
    try {
      vocabText = await readFile(path.join(dir, 'vocab.txt'), 'utf8');
    } catch {
      throw new AppError('NOT_FOUND', `"${dir}" has no vocab.txt. Point to an export directory with the tfrecord format.`);
    }
    const vocab = vocabText.split('\n');
    if (vocab[vocab.length - 1] === '') vocab.pop();
    if (vocab[0] !== BLANK_TOKEN) throw new AppError('INVALID_INPUT', `vocab.txt must start with ${BLANK_TOKEN} (the CTC blank).`);
    let info: Record<string, unknown> = {};
    try {
      info = JSON.parse(await readFile(path.join(dir, 'dataset.json'), 'utf8')) as Record<string, unknown>;
    } catch (err) {
      if ((err as { code?: string }).code !== 'ENOENT') throw new AppError('INVALID_INPUT', `dataset.json in "${dir}" is not valid JSON.`);
    }
    const shardDir = path.join(dir, 'tfrecord');
    const names = await readdir(shardDir).catch(() => [] as string[]);
    const prefix = `${opts.split}-`;
    const files = names.filter((n) => n.startsWith(prefix) && /\.tfrecord(\.gz)?$/.test(n)).sort().map((n) => path.join(shardDir, n));
    if (files.length === 0) throw new AppError('NOT_FOUND', `No ${opts.split} shards (tfrecord/${prefix}*.tfrecord) in "${dir}".`);
    return new SpeechDataset(dir, vocab, files, info, opts);
  }

  /** Raw utterances in file order (shards shuffled per epoch when shuffling). */
  private async *utterances(epoch: number): AsyncGenerator<Utterance> {
    const o = this.options;
    const files = o.shuffle ? createRandom(mix(o.seed, epoch, 0x5eed)).shuffle([...this.files]) : this.files;
    const rate = o.features.sampleRate ?? 16_000;
    this.skipped = 0;
    for (const file of files) {
      for await (const record of readTFRecords(file)) {
        const ex = decodeSpeechExample(record);
        if (ex.sampleRate !== rate) {
          throw new AppError('UNSUPPORTED_MEDIA', `Utterance ${ex.id} is at ${ex.sampleRate} Hz; training expects ${rate} Hz. Export again at ${rate} Hz.`);
        }
        const frames = frameCount(ex.samples.length, o.features);
        if (ex.samples.length > o.maxSeconds * rate || Math.ceil(frames / o.subsampling) < Math.max(1, ctcFramesNeeded(ex.targets))) {
          this.skipped++;
          continue;
        }
        yield { id: ex.id, text: ex.text, targets: [...ex.targets], samples: ex.samples };
      }
    }
  }

  /**
   * Batches of one pass over the split. `skip` batches are passed over without computing features (to resume
   * mid-epoch: the same epoch yields the same batches in the same order).
   */
  async *batches(epoch = 0, skip = 0): AsyncGenerator<Batch> {
    const o = this.options;
    const order = createRandom(mix(o.seed, epoch, 0xba7c));
    let index = 0;
    let bucket: Utterance[] = [];
    const flush = (): Utterance[][] => {
      bucket.sort((a, b) => a.samples.length - b.samples.length);
      const groups: Utterance[][] = [];
      for (let i = 0; i < bucket.length; i += o.batchSize) groups.push(bucket.slice(i, i + o.batchSize));
      bucket = [];
      return o.shuffle ? order.shuffle(groups) : groups;
    };
    for await (const u of this.utterances(epoch)) {
      bucket.push(u);
      if (bucket.length < o.bucketSize) continue;
      for (const g of flush()) {
        const i = index++;
        if (i >= skip) yield this.assemble(g, epoch, i);
      }
    }
    for (const g of flush()) {
      const i = index++;
      if (i >= skip) yield this.assemble(g, epoch, i);
    }
  }

  private assemble(group: Utterance[], epoch: number, batchIndex: number): Batch {
    const o = this.options;
    const rng = createRandom(mix(o.seed, epoch, batchIndex, 0xa06));
    const feats = group.map((u) => {
      let wave: Int16Array | Float32Array = u.samples;
      const aug = o.augment;
      if (aug && aug.noise !== false && rng.next() < (aug.noise?.probability ?? 0.5)) {
        wave = addNoise(Float32Array.from(u.samples, (s) => s / 32768), rng, aug.noise ?? {}).samples;
      }
      const f = logMel(wave, o.features);
      if (aug && aug.specAugment !== false) return { ...f, data: specAugment(f.data, f.frames, f.bins, rng, aug.specAugment ?? {}).data };
      return f;
    });
    const bins = feats[0]!.bins;
    const frames = Math.max(...feats.map((f) => f.frames));
    const features = new Float32Array(group.length * frames * bins);
    feats.forEach((f, b) => features.set(f.data, b * frames * bins));
    const maxTarget = Math.max(1, ...group.map((u) => u.targets.length));
    const paddedTargets = new Int32Array(group.length * maxTarget);
    group.forEach((u, b) => paddedTargets.set(u.targets, b * maxTarget));
    return {
      ids: group.map((u) => u.id),
      texts: group.map((u) => u.text),
      features,
      frames,
      bins,
      featureLengths: feats.map((f) => f.frames),
      targets: group.map((u) => u.targets),
      paddedTargets,
      targetLengths: group.map((u) => u.targets.length),
    };
  }
}
