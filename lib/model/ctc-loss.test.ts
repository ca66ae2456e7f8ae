import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ctcLoss } from './ctc-loss.ts';
import { createRandom } from './seeded-random.ts';

/** −log Σ over all V^T frame paths that collapse (merge repeats, drop blanks) to `label`. */
function bruteForce(logits: number[][], label: readonly number[]): number {
  const T = logits.length;
  const V = logits[0]!.length;
  const logp = logits.map((row) => {
    const m = Math.max(...row);
    const z = Math.log(row.reduce((s, x) => s + Math.exp(x - m), 0)) + m;
    return row.map((x) => x - z);
  });
  let total = 0;
  const path = new Array<number>(T).fill(0);
  for (let code = 0; code < V ** T; code++) {
    let c = code;
    for (let t = 0; t < T; t++) {
      path[t] = c % V;
      c = Math.floor(c / V);
    }
    const out: number[] = [];
    for (let t = 0; t < T; t++) if (path[t] !== 0 && (t === 0 || path[t] !== path[t - 1])) out.push(path[t]!);
    if (out.length === label.length && out.every((x, i) => x === label[i])) {
      total += Math.exp(path.reduce((s, v, t) => s + logp[t]![v]!, 0));
    }
  }
  return -Math.log(total);
}

function randomLogits(batch: number, frames: number, vocab: number, seed: number): number[][][] {
  const rng = createRandom(seed);
  return Array.from({ length: batch }, () => Array.from({ length: frames }, () => Array.from({ length: vocab }, () => 2 * rng.normal())));
}

describe('ctcLoss', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('equals brute-force enumeration of alignments, with repeats and different input lengths in one batch', async () => {
    const T = 5;
    const V = 3;
    const x = randomLogits(6, T, V, 7);
    const labels = [[1, 2], [1, 1], [2], [1, 2, 1], [2, 2], []];
    const lengths = [5, 5, 4, 5, 3, 2];
    const loss = await ctcLoss(tf.tensor3d(x), labels, lengths).data();
    for (let b = 0; b < labels.length; b++) {
      const expected = bruteForce(x[b]!.slice(0, lengths[b]), labels[b]!);
      expect(loss[b]).toBeCloseTo(expected, 4);
    }
  });

  it('gives a loss near −log 0 when the frames cannot hold the labels', async () => {
    // [1, 1] needs 3 frames (a blank between the repeats).
    const loss = await ctcLoss(tf.tensor3d(randomLogits(1, 2, 3, 1)), [[1, 1]], [2]).data();
    expect(loss[0]).toBeGreaterThan(5000);
  });

  it('has the gradient of central finite differences', async () => {
    const B = 2;
    const T = 4;
    const V = 3;
    const x = randomLogits(B, T, V, 3);
    const labels = [[1, 1], [2]];
    const lengths = [4, 3];
    const f = (l: tf.Tensor) => tf.sum(ctcLoss(l as tf.Tensor3D, labels, lengths));
    const grad = await tf.grad(f)(tf.tensor3d(x)).data();
    const eps = 1e-2;
    const flat = x.flat(2);
    for (let i = 0; i < flat.length; i++) {
      const plus = flat.slice();
      const minus = flat.slice();
      plus[i]! += eps;
      minus[i]! -= eps;
      const fp = (await f(tf.tensor3d(plus, [B, T, V])).data())[0]!;
      const fm = (await f(tf.tensor3d(minus, [B, T, V])).data())[0]!;
      expect(grad[i]).toBeCloseTo((fp - fm) / (2 * eps), 2);
    }
    // Frames past an utterance's input length get no gradient.
    for (let v = 0; v < V; v++) expect(grad[(1 * T + 3) * V + v]).toBe(0);
  });
});
