import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ctcLoss } from './ctc-loss.ts';
import { lossPerTarget } from './loss-per-target.ts';

/** Logits of a model equally unsure of every character: 3 frames per target character, each leaning to it. */
function leaningLogits(labels: number[][], vocab: number): { logits: tf.Tensor3D; lengths: number[] } {
  const frames = 3 * Math.max(...labels.map((l) => l.length));
  const data = labels.map((l) =>
    Array.from({ length: frames }, (_, t) => Array.from({ length: vocab }, (_, v) => (t < 3 * l.length && v === l[Math.floor(t / 3)] ? 2 : v === 0 ? 1 : 0))),
  );
  return { logits: tf.tensor3d(data), lengths: labels.map((l) => 3 * l.length) };
}

async function meanAndEach(labels: number[][], vocab = 6) {
  const { logits, lengths } = leaningLogits(labels, vocab);
  const each = Array.from(await ctcLoss(logits, labels, lengths).data());
  logits.dispose();
  return { mean: each.reduce((a, b) => a + b, 0) / each.length, each };
}

describe('lossPerTarget', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('is the batch\'s summed CTC loss over its target characters, from the per-utterance mean', async () => {
    const labels = [[1, 2], [3, 4, 5, 1, 2, 3, 4, 5]];
    const { mean, each } = await meanAndEach(labels);
    expect(lossPerTarget(mean, labels)).toBeCloseTo((each[0]! + each[1]!) / 10, 5);
    expect(lossPerTarget(6, [[1, 2, 3], []])).toBe(4); // (6 × 2) / 3: an empty transcript adds no characters
    expect(lossPerTarget(2, [[]])).toBe(2);
  });

  it('compares a batch of long transcripts with one of short ones from the same model (the per-utterance mean does not)', async () => {
    const short = [[1, 2], [3, 4]];
    const long = [[1, 2, 3, 4, 5, 1, 2, 3], [4, 5, 1, 2, 3, 4, 5, 1]];
    const a = await meanAndEach(short);
    const b = await meanAndEach(long);
    expect(b.mean / a.mean).toBeGreaterThan(3); // the zigzag: same model, 4× the characters, ~4× the loss
    const ratio = lossPerTarget(b.mean, long) / lossPerTarget(a.mean, short);
    expect(ratio).toBeGreaterThan(0.8);
    expect(ratio).toBeLessThan(1.25);
  });
});
