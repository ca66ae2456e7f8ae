// Integration: a tiny encoder learns 20 espeak-ng Spanish words on the wasm backend (the default CPU path).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRANSCRIPT_ALPHABET } from '../text/normalise-spanish.ts';
import { SpeechDataset } from './dataset.ts';
import { evaluate } from './evaluate.ts';
import { synthesizeUtterances } from '../testing/synthesize-utterances.ts';
import { train } from './train-loop.ts';
import { writeExportFixture } from '../testing/write-export-fixture.ts';

const WORDS = ['sol', 'mar', 'pan', 'luz', 'casa', 'mesa', 'gato', 'perro', 'luna', 'agua', 'flor', 'cielo', 'nube', 'rojo', 'verde', 'uno', 'dos', 'tres', 'cinco', 'seis'];

describe('training on wasm', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'alinea-overfit-'));
    await writeExportFixture(dir, TRANSCRIPT_ALPHABET, { train: await synthesizeUtterances(WORDS) });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('overfits 20 spoken words: loss falls by ≥ 90 % and greedy CER on them is < 10 %', { timeout: 300_000 }, async () => {
    const trainSet = await SpeechDataset.open(dir, { split: 'train', batchSize: 20, augment: false });
    const losses: number[] = [];
    const r = await train({
      dataset: { train: trainSet }, steps: 100, lr: 3e-3, warmupSteps: 10, backend: 'wasm',
      model: { dModel: 64, heads: 4, layers: 2, ffDim: 128, dropout: 0 },
      onStep: (s) => losses.push(s.loss),
    });
    expect(r.backend?.backend).toBe('wasm');
    const first = losses[0]!;
    const last = losses.slice(-5).reduce((a, b) => a + b, 0) / 5;
    expect(last).toBeLessThan(0.1 * first);
    const rates = await evaluate(r.model, await SpeechDataset.open(dir, { split: 'train', batchSize: 20, augment: false, shuffle: false }));
    expect(rates.utterances).toBe(20);
    expect(rates.cer).toBeLessThan(0.1);
    console.log(`overfit: loss ${first.toFixed(2)} → ${last.toFixed(4)} in ${losses.length} steps, CER ${rates.cer}, WER ${rates.wer}`);
    r.model.dispose();
  });
});
