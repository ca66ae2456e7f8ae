import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCheckpoint, saveCheckpoint } from './checkpoint.ts';
import { CtcEncoder, type EncoderConfig } from './model.ts';
import { createRandom } from './seeded-random.ts';

const config: EncoderConfig = { inputDim: 16, vocabSize: 7, dModel: 32, heads: 4, layers: 2, ffDim: 64, dropout: 0.1, seed: 3 };

function features(lengths: number[], frames: number, seed: number): tf.Tensor3D {
  const rng = createRandom(seed);
  return tf.tensor3d(
    lengths.flatMap((n) => Array.from({ length: frames * 16 }, (_, i) => (Math.floor(i / 16) < n ? rng.normal() : 0))),
    [lengths.length, frames, 16],
  );
}

describe('CtcEncoder', () => {
  let dir = '';
  beforeAll(async () => {
    await tf.setBackend('cpu');
    dir = await mkdtemp(path.join(tmpdir(), 'alinea-model-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('subsamples time by 4 (rounding up) and emits one logit per vocabulary entry', () => {
    const model = new CtcEncoder(config);
    const { logits, lengths } = model.apply(features([37, 20, 1], 37, 1), [37, 20, 1]);
    expect(logits.shape).toEqual([3, 10, 7]);
    expect(lengths).toEqual([10, 5, 1]);
    expect(model.outputLengths([8, 9, 4, 5])).toEqual([2, 3, 1, 2]);
    model.dispose();
  });

  it('gives an utterance the same valid outputs alone as padded in a batch with a longer one', async () => {
    const model = new CtcEncoder(config);
    const long = features([41], 41, 2);
    const short = features([23], 23, 3);
    const batch = tf.concat([long, tf.pad(short, [[0, 0], [0, 18], [0, 0]])], 0);
    // Garbage in the padding must not leak in either.
    const noisy = tf.add(batch, tf.concat([tf.zeros([1, 41, 16]), tf.pad(tf.fill([1, 18, 16], 7), [[0, 0], [23, 0], [0, 0]])], 0));
    const together = await model.apply(noisy as tf.Tensor3D, [41, 23]).logits.array();
    const alone = await model.apply(short, [23]).logits.array();
    for (let t = 0; t < 6; t++) {
      for (let v = 0; v < 7; v++) expect(together[1]![t]![v]).toBeCloseTo(alone[0]![t]![v]!, 4);
    }
    model.dispose();
  });

  it('applies dropout only in training, reproducibly from the seed', async () => {
    const model = new CtcEncoder(config);
    const x = features([12], 12, 4);
    const a = await model.apply(x, [12]).logits.data();
    const b = await model.apply(x, [12]).logits.data();
    const c = await model.apply(x, [12], { training: true, dropoutSeed: 5 }).logits.data();
    const d = await model.apply(x, [12], { training: true, dropoutSeed: 5 }).logits.data();
    expect(Array.from(b)).toEqual(Array.from(a));
    expect(Array.from(c)).not.toEqual(Array.from(a));
    expect(Array.from(d)).toEqual(Array.from(c));
    model.dispose();
  });

  it('restores from a checkpoint to identical outputs', async () => {
    const model = new CtcEncoder(config);
    const x = features([19, 11], 19, 5);
    const before = await model.apply(x, [19, 11]).logits.data();
    const target = path.join(dir, 'step-00000007');
    await saveCheckpoint(target, { step: 7, config, tensors: model.variables.map(({ name, variable }) => ({ name, tensor: variable })) });
    expect((await readdir(dir)).sort()).toEqual(['step-00000007']);
    expect((await readdir(target)).sort()).toEqual(['manifest.json', 'weights.bin']);

    const { manifest, tensors } = await loadCheckpoint(target);
    expect(manifest.step).toBe(7);
    // the standard tfjs weights API reads the same checkpoint
    const bin = await readFile(path.join(target, 'weights.bin'));
    const decoded = tf.io.decodeWeights(new Uint8Array(bin).buffer, manifest.weightsManifest![0]!.weights);
    expect(Object.keys(decoded).sort()).toEqual([...tensors.keys()].sort());
    for (const [name, t] of tensors) expect(Array.from(await decoded[name]!.data())).toEqual(Array.from(await t.data()));
    const other = new CtcEncoder({ ...(manifest.config as EncoderConfig), seed: 99 });
    expect(Array.from(await other.apply(x, [19, 11]).logits.data())).not.toEqual(Array.from(before));
    other.assignWeights(tensors);
    expect(Array.from(await other.apply(x, [19, 11]).logits.data())).toEqual(Array.from(before));
    expect(other.parameterCount()).toBe(model.parameterCount());
    model.dispose();
    other.dispose();
  });
});
