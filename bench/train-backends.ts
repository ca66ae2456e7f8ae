// Benchmark (not a test): training throughput per tfjs backend on a fixed small model and batch.
// Run: npx tsx bench/train-backends.ts [--backends cpu,wasm,webgpu] [--steps 4] [--batch 8] [--seconds 2]
// Prints one JSON line. Each backend trains the same model (dModel 144, 4 heads, 2 layers, ff 576, dropout 0.1,
// ~0.6 M parameters) from the same init on the same batches of synthetic 16 kHz audio (tones + noise, ~2.5 words
// per second of text); utterances/s counts whole steps (features, forward, CTC, backward, Adam) after one warm-up
// step (WebGPU compiles its shaders there).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { TRANSCRIPT_ALPHABET } from '../lib/text/normalise-spanish.ts';
import { SpeechDataset } from '../lib/model/dataset.ts';
import { releaseWebgpu, type BackendChoice } from '../lib/model/select-backend.ts';
import { train } from '../lib/model/train-loop.ts';
import { writeExportFixture } from '../lib/testing/write-export-fixture.ts';
import { syntheticUtterances } from './lib/synthetic-utterances.ts';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const backends = (arg('--backends') ?? 'cpu,wasm,webgpu').split(',') as BackendChoice[];
const steps = Number(arg('--steps') ?? 4);
const batch = Number(arg('--batch') ?? 8);
const seconds = Number(arg('--seconds') ?? 2);
const model = { dModel: 144, heads: 4, layers: 2, ffDim: 576, dropout: 0.1 };

const utterances = syntheticUtterances(batch * (steps + 1), seconds);

const dir = await mkdtemp(path.join(os.tmpdir(), 'alinea-bench-train-'));
const results: Record<string, unknown> = {};
try {
  await writeExportFixture(dir, TRANSCRIPT_ALPHABET, { train: utterances }, 1);
  for (const backend of backends) {
    try {
      const times: number[] = [];
      let params = 0;
      let last = performance.now();
      const r = await train({
        dataset: { train: await SpeechDataset.open(dir, { split: 'train', batchSize: batch, augment: false, shuffle: false }) },
        steps: steps + 1, lr: 1e-3, warmupSteps: 0, backend, model,
        onStep: () => {
          const now = performance.now();
          times.push((now - last) / 1000);
          last = now;
        },
      });
      params = r.model.parameterCount();
      const timed = times.slice(1);
      const total = timed.reduce((a, b) => a + b, 0);
      results[backend] = {
        device: r.backend?.device,
        utterancesPerSec: Number(((batch * timed.length) / total).toFixed(2)),
        secPerStep: Number((total / timed.length).toFixed(3)),
        firstStepSec: Number(times[0]!.toFixed(2)),
        params,
        numTensors: tf.memory().numTensors,
      };
      r.model.dispose();
      if (backend === 'webgpu') releaseWebgpu();
    } catch (err) {
      results[backend] = { error: (err as Error).message };
    }
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
console.log(JSON.stringify({ bench: 'train-backends', batch, seconds, steps, model, cores: os.cpus().length, results }));
