// The WebGPU backend (Dawn; on a machine without a GPU, OpenGL ES on Mesa llvmpipe — Debian packages libegl1
// libegl-mesa0 libgles2 libgl1-mesa-dri) trains with the same numbers as the cpu backend.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SpeechDataset } from './dataset.ts';
import { releaseWebgpu } from './select-backend.ts';
import { train } from './train-loop.ts';
import { writeExportFixture } from '../testing/write-export-fixture.ts';

const tone = (hz: number, ms: number) =>
  Int16Array.from({ length: (ms * 16_000) / 1000 }, (_, i) => Math.round(8000 * Math.sin((2 * Math.PI * hz * i) / 16_000) + 500 * Math.sin(i * 0.003 * hz)));

describe('webgpu backend', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'alinea-webgpu-'));
    await writeExportFixture(dir, ' abcdefghijklmnopqrstuvwxyz', {
      train: ['sol', 'mar', 'casa', 'luna'].map((w, i) => ({ id: `u${i}`, text: w, samples: tone(200 + 90 * i, 400 + 50 * i) })),
    });
  });
  afterAll(async () => {
    releaseWebgpu();
    await rm(dir, { recursive: true, force: true });
  });

  it('runs training steps with losses within 1e-3 (relative) of the cpu backend from the same init and batches', { timeout: 180_000 }, async () => {
    const losses: Record<string, number[]> = { cpu: [], webgpu: [] };
    for (const backend of ['cpu', 'webgpu'] as const) {
      const r = await train({
        dataset: { train: await SpeechDataset.open(dir, { split: 'train', batchSize: 4, augment: false }) },
        steps: 4, lr: 3e-3, warmupSteps: 0, backend, model: { dModel: 32, heads: 2, layers: 2, ffDim: 64, dropout: 0 },
        onStep: (s) => losses[backend]!.push(s.loss),
      });
      expect(r.backend?.backend).toBe(backend);
      if (backend === 'webgpu') console.log(`webgpu adapter: ${r.backend?.device} (software: ${r.backend?.software})`);
      r.model.dispose();
    }
    expect(losses.webgpu).toHaveLength(4);
    expect(losses.cpu![3]).toBeLessThan(losses.cpu![0]!); // the steps do train
    for (let i = 0; i < 4; i++) expect(Math.abs(losses.webgpu![i]! - losses.cpu![i]!) / losses.cpu![i]!).toBeLessThan(1e-3);
  });
});
