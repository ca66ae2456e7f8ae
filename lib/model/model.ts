// A small CTC acoustic model: Conv1d subsampling ×4 over log-mel frames (two kernel-3 stride-2 convolutions with
// ReLU, as ESPnet's Conv1dSubsampling/QuartzNet), sinusoidal positions, pre-LayerNorm Transformer encoder layers
// (multi-head self-attention with a key padding mask, ReLU feed-forward, dropout), a final LayerNorm and a linear
// CTC head over the vocabulary (id 0 = blank).
// Weights are tf.Variables created here (not tf.layers) so that only kernels with gradients on every backend are
// used: convolutions are im2col (pad + reshape + slice + concat + matMul), no conv/gather kernels.
import * as tf from '@tensorflow/tfjs';
import { createRandom } from './seeded-random.ts';

export type EncoderConfig = {
  /** Feature bins per frame (log-mel); default 80. */
  inputDim: number;
  /** Output classes including the blank; vocab.txt's line count. */
  vocabSize: number;
  dModel: number;
  heads: number;
  layers: number;
  ffDim: number;
  dropout: number;
  /** Seed of the weight initialisation. */
  seed: number;
};

export const DEFAULT_ENCODER_CONFIG: Omit<EncoderConfig, 'vocabSize'> = {
  inputDim: 80,
  dModel: 144,
  heads: 4,
  layers: 4,
  ffDim: 576,
  dropout: 0.1,
  seed: 1,
};

export type ApplyOptions = {
  /** Enables dropout. */
  training?: boolean;
  /** Seed of the dropout masks (vary per step for training). */
  dropoutSeed?: number;
};

/** tf.Variable names are global to the engine: number them per process. */
let nextVariableId = 0;

/** Frames after one kernel-3, stride-2, padding-1 convolution. */
const halve = (n: number): number => Math.ceil(n / 2);

export class CtcEncoder {
  readonly config: EncoderConfig;
  /** Trainable variables in a fixed order (checkpoints list them by name). */
  readonly variables: { name: string; variable: tf.Variable }[] = [];
  private readonly byName = new Map<string, tf.Variable>();

  constructor(config: EncoderConfig) {
    if (config.dModel % config.heads !== 0) throw new Error(`dModel ${config.dModel} is not divisible by ${config.heads} heads`);
    this.config = config;
    const rng = createRandom(config.seed);
    const { inputDim: f, dModel: d, ffDim: ff, vocabSize: v } = config;
    // Glorot-uniform matrices, zero biases, unit LayerNorm gains: all drawn from our seeded RNG so that every
    // backend starts from the same weights.
    const glorot = (name: string, rows: number, cols: number) => {
      const limit = Math.sqrt(6 / (rows + cols));
      this.add(name, tf.tensor2d(Float32Array.from({ length: rows * cols }, () => (2 * rng.next() - 1) * limit), [rows, cols]));
    };
    const zeros = (name: string, n: number) => this.add(name, tf.zeros([n]));
    const ones = (name: string, n: number) => this.add(name, tf.ones([n]));
    glorot('conv1/w', 3 * f, d);
    zeros('conv1/b', d);
    glorot('conv2/w', 3 * d, d);
    zeros('conv2/b', d);
    for (let l = 0; l < config.layers; l++) {
      const p = `layer${l}`;
      ones(`${p}/ln1/g`, d);
      zeros(`${p}/ln1/b`, d);
      glorot(`${p}/attn/wqkv`, d, 3 * d);
      zeros(`${p}/attn/bqkv`, 3 * d);
      glorot(`${p}/attn/wo`, d, d);
      zeros(`${p}/attn/bo`, d);
      ones(`${p}/ln2/g`, d);
      zeros(`${p}/ln2/b`, d);
      glorot(`${p}/ff/w1`, d, ff);
      zeros(`${p}/ff/b1`, ff);
      glorot(`${p}/ff/w2`, ff, d);
      zeros(`${p}/ff/b2`, d);
    }
    ones('final_ln/g', d);
    zeros('final_ln/b', d);
    glorot('head/w', d, v);
    zeros('head/b', v);
  }

  private add(name: string, init: tf.Tensor): void {
    const variable = tf.variable(init, true, `ctc_encoder_${nextVariableId++}/${name}`);
    init.dispose();
    this.variables.push({ name, variable });
    this.byName.set(name, variable);
  }

  private w(name: string): tf.Variable {
    const v = this.byName.get(name);
    if (!v) throw new Error(`no weight ${name}`);
    return v;
  }

  /** Output frames per input frames (subsampling ×4, rounding up). */
  outputLengths(lengths: readonly number[]): number[] {
    return lengths.map((n) => halve(halve(n)));
  }

  parameterCount(): number {
    return this.variables.reduce((s, { variable }) => s + variable.size, 0);
  }

  /**
   * Logits [batch, ceil(ceil(T/2)/2), vocab] of features [batch, T, inputDim] whose utterances have `lengths`
   * valid frames. Frames past an utterance's length do not affect its valid outputs.
   */
  apply(features: tf.Tensor3D, lengths: readonly number[], opts: ApplyOptions = {}): { logits: tf.Tensor3D; lengths: number[] } {
    const { dModel: d, heads, layers, dropout } = this.config;
    const [batch, frames] = features.shape;
    let seed = opts.dropoutSeed ?? 0;
    const drop = (x: tf.Tensor): tf.Tensor => (opts.training && dropout > 0 ? tf.dropout(x, dropout, undefined, seed++) : x);
    const t1 = halve(frames);
    const t2 = halve(t1);
    const len1 = lengths.map(halve);
    const len2 = len1.map(halve);
    const logits = tf.tidy(() => {
      let x: tf.Tensor = tf.mul(features, timeMask(lengths, frames));
      x = tf.mul(tf.relu(this.conv(x, 'conv1')), timeMask(len1, t1));
      x = tf.mul(tf.relu(this.conv(x, 'conv2')), timeMask(len2, t2));
      x = tf.add(x, positions(t2, d));
      x = drop(x);
      const keyBias = tf.reshape(tf.tensor2d(len2.flatMap((n) => Array.from({ length: t2 }, (_, t) => (t < n ? 0 : -1e4))), [batch, t2]), [batch, 1, 1, t2]);
      for (let l = 0; l < layers; l++) {
        const p = `layer${l}`;
        x = tf.add(x, drop(this.attention(this.layerNorm(x, `${p}/ln1`), keyBias, p, batch, t2, heads)));
        let h = this.linear(this.layerNorm(x, `${p}/ln2`), `${p}/ff/w1`, `${p}/ff/b1`);
        h = drop(tf.relu(h));
        x = tf.add(x, drop(this.linear(h, `${p}/ff/w2`, `${p}/ff/b2`)));
      }
      x = this.layerNorm(x, 'final_ln');
      return this.linear(x, 'head/w', 'head/b') as tf.Tensor3D;
    });
    return { logits, lengths: len2 };
  }

  /** Kernel 3, stride 2, padding 1 over time as im2col: output t sees input frames 2t−1, 2t, 2t+1. */
  private conv(x: tf.Tensor, name: string): tf.Tensor {
    const [batch, frames, ch] = x.shape as [number, number, number];
    const out = halve(frames);
    // Pad to 2·out + 2 frames (1 in front) and pair frames: row r holds padded frames 2r and 2r+1.
    const padded = tf.pad(x, [[0, 0], [1, 2 * out + 1 - frames], [0, 0]]);
    const pairs = tf.reshape(padded, [batch, out + 1, 2 * ch]);
    const cols = tf.concat([tf.slice(pairs, [0, 0, 0], [batch, out, 2 * ch]), tf.slice(pairs, [0, 1, 0], [batch, out, ch])], 2);
    return this.linear(cols, `${name}/w`, `${name}/b`);
  }

  private linear(x: tf.Tensor, w: string, b: string): tf.Tensor {
    const shape = x.shape;
    const inDim = shape[shape.length - 1]!;
    const weight = this.w(w);
    const y = tf.add(tf.matMul(tf.reshape(x, [-1, inDim]), weight as tf.Tensor2D), this.w(b));
    return tf.reshape(y, [...shape.slice(0, -1), weight.shape[1]!]);
  }

  private layerNorm(x: tf.Tensor, name: string): tf.Tensor {
    const { mean, variance } = tf.moments(x, -1, true);
    return tf.add(tf.mul(tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, 1e-5))), this.w(`${name}/g`)), this.w(`${name}/b`));
  }

  private attention(x: tf.Tensor, keyBias: tf.Tensor, p: string, batch: number, frames: number, heads: number): tf.Tensor {
    const d = this.config.dModel;
    const dh = d / heads;
    // Rank ≤ 4 throughout: tfjs-webgpu's Pad (the gradient of slice) does not compile for rank 5.
    const qkv = this.linear(x, `${p}/attn/wqkv`, `${p}/attn/bqkv`);
    const part = (i: number) => tf.transpose(tf.reshape(tf.slice(qkv, [0, 0, i * d], [batch, frames, d]), [batch, frames, heads, dh]), [0, 2, 1, 3]);
    const scores = tf.add(tf.mul(tf.matMul(part(0), part(1), false, true), 1 / Math.sqrt(dh)), keyBias);
    const ctx = tf.matMul(tf.softmax(scores), part(2)); // [B, H, T, dh]
    const merged = tf.reshape(tf.transpose(ctx, [0, 2, 1, 3]), [batch, frames, d]);
    return this.linear(merged, `${p}/attn/wo`, `${p}/attn/bo`);
  }

  /** Copies weights by name (e.g. from loadCheckpoint); every variable must be present with its shape. */
  assignWeights(tensors: ReadonlyMap<string, tf.Tensor>): void {
    for (const { name, variable } of this.variables) {
      const t = tensors.get(name);
      if (!t || t.shape.join() !== variable.shape.join()) {
        throw new Error(`checkpoint weight ${name} is ${t ? `[${t.shape.join(', ')}]` : 'missing'}, model needs [${variable.shape.join(', ')}]`);
      }
      variable.assign(t);
    }
  }

  dispose(): void {
    for (const { variable } of this.variables) variable.dispose();
  }
}

/** [batch, frames, 1] of 1 for t < length, else 0. */
function timeMask(lengths: readonly number[], frames: number): tf.Tensor3D {
  return tf.tensor3d(lengths.flatMap((n) => Array.from({ length: frames }, (_, t) => (t < n ? 1 : 0))), [lengths.length, frames, 1]);
}

/** Sinusoidal positions (Vaswani et al. 2017) [frames, d]. */
function positions(frames: number, d: number): tf.Tensor2D {
  const pe = new Float32Array(frames * d);
  for (let t = 0; t < frames; t++) {
    for (let i = 0; i < d; i += 2) {
      const angle = t / 10000 ** (i / d);
      pe[t * d + i] = Math.sin(angle);
      if (i + 1 < d) pe[t * d + i + 1] = Math.cos(angle);
    }
  }
  return tf.tensor2d(pe, [frames, d]);
}
