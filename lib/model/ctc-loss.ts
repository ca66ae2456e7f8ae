// CTC loss (Graves et al. 2006) in log space from differentiable tf ops only, so autodiff gives the gradient on
// every backend (tfjs has no CTC kernel). Blank is id 0. Emissions are gathered with a one-hot matMul (the
// gradient of gather needs UnsortedSegmentSum, which the wasm backend lacks); log 0 is a large finite negative
// because −Infinity turns gradients into NaN. The forward variables of an utterance stop changing after its
// input length, so padded frames never count.
import * as tf from '@tensorflow/tfjs';

/** Stands for log 0. Valid paths must stay far above it: true log-likelihoods must be > −5000 or so. */
export const LOG_ZERO = -1e4;

/**
 * Negative log-likelihood of each utterance's `labels` under `logits` [batch, frames, vocab] (unnormalised;
 * log-softmax is applied here). `inputLengths[b]` ≤ frames valid frames per utterance (≥ 1). An infeasible
 * utterance (too few frames for its labels) gets a loss near −LOG_ZERO. Returns [batch].
 */
export function ctcLoss(
  logits: tf.Tensor3D,
  labels: readonly (readonly number[])[],
  inputLengths: readonly number[],
): tf.Tensor1D {
  const [batch, frames, vocab] = logits.shape;
  if (labels.length !== batch || inputLengths.length !== batch) {
    throw new Error(`ctcLoss: batch ${batch} but ${labels.length} label rows and ${inputLengths.length} lengths`);
  }
  const maxLabel = Math.max(1, ...labels.map((l) => l.length));
  const states = 2 * maxLabel + 1;

  // Extended label sequences (blank, l1, blank, l2, …, blank), padded with blanks, as one-hot rows.
  const oneHot = new Float32Array(batch * states * vocab);
  const skipBias = new Float32Array(batch * states).fill(LOG_ZERO); // 0 where s−2 → s is allowed
  const initBias = new Float32Array(batch * states).fill(LOG_ZERO); // 0 for the two start states
  const finalMask = new Float32Array(batch * states); // 1 for the two end states
  for (let b = 0; b < batch; b++) {
    const l = labels[b]!;
    const ext: number[] = [];
    for (let s = 0; s < states; s++) ext.push(s % 2 === 0 ? 0 : (l[(s - 1) / 2] ?? 0));
    for (let s = 0; s < states; s++) {
      const id = ext[s]!;
      if (id < 0 || id >= vocab) throw new Error(`ctcLoss: label ${id} outside vocabulary of ${vocab}`);
      oneHot[(b * states + s) * vocab + id] = 1;
      if (s >= 2 && id !== 0 && id !== ext[s - 2]) skipBias[b * states + s] = 0;
    }
    initBias[b * states] = 0;
    if (l.length > 0) initBias[b * states + 1] = 0;
    finalMask[b * states + 2 * l.length] = 1;
    if (l.length > 0) finalMask[b * states + 2 * l.length - 1] = 1;
    const len = inputLengths[b]!;
    if (!(Number.isInteger(len) && len >= 1 && len <= frames)) throw new Error(`ctcLoss: input length ${len} not in 1..${frames}`);
  }

  return tf.tidy(() => {
    const logProbs = tf.logSoftmax(logits);
    const emit = tf.matMul(logProbs, tf.tensor3d(oneHot, [batch, states, vocab]), false, true); // [B, T, S]
    const emitT = tf.unstack(emit, 1) as tf.Tensor2D[];
    const skip = tf.tensor2d(skipBias, [batch, states]);
    const pad1 = tf.fill([batch, 1], LOG_ZERO);
    const pad2 = tf.fill([batch, 2], LOG_ZERO);
    const stepMask: tf.Tensor2D[] = [];
    for (let t = 0; t < frames; t++) {
      stepMask.push(tf.tensor2d(inputLengths.map((len) => (t < len ? 1 : 0)), [batch, 1]));
    }
    let alpha = tf.add(emitT[0]!, tf.tensor2d(initBias, [batch, states])) as tf.Tensor2D;
    for (let t = 1; t < frames; t++) {
      const stay = alpha;
      const next = tf.concat([pad1, tf.slice(alpha, [0, 0], [batch, states - 1])], 1);
      const skipped = tf.add(tf.concat([pad2, tf.slice(alpha, [0, 0], [batch, states - 2])], 1), skip);
      const fresh = tf.add(tf.logSumExp(tf.stack([stay, next, skipped]), 0), emitT[t]!);
      const m = stepMask[t]!;
      alpha = tf.add(tf.mul(fresh, m), tf.mul(alpha, tf.sub(1, m))) as tf.Tensor2D;
    }
    const fm = tf.tensor2d(finalMask, [batch, states]);
    const ends = tf.add(tf.mul(alpha, fm), tf.mul(tf.sub(1, fm), LOG_ZERO));
    return tf.neg(tf.logSumExp(ends, 1)) as tf.Tensor1D;
  });
}
