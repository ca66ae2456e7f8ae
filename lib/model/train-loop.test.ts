import { mkdir, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SpeechDataset } from './dataset.ts';
import { train, type StepReport, type TrainResult } from './train-loop.ts';
import { writeExportFixture } from '../testing/write-export-fixture.ts';

const tone = (hz: number, ms: number) =>
  Int16Array.from({ length: (ms * 16_000) / 1000 }, (_, i) => Math.round(6000 * Math.sin((2 * Math.PI * hz * i) / 16_000) + 800 * Math.sin(i * 0.01 * hz)));
const words = ['sol', 'mar', 'casa', 'luna', 'pan', 'flor'];
const model = { dModel: 16, heads: 2, layers: 1, ffDim: 32, dropout: 0.1 };

async function weights(r: TrainResult): Promise<number[]> {
  const out: number[] = [];
  for (const { variable } of r.model.variables) out.push(...(await variable.data()));
  return out;
}

describe('train', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'alinea-train-'));
    await writeExportFixture(path.join(dir, 'export'), ' abcdefghijklmnopqrstuvwxyz', {
      train: words.map((w, i) => ({ id: `t${i}`, text: w, samples: tone(150 + 60 * i, 350 + 30 * i) })),
      dev: words.slice(0, 2).map((w, i) => ({ id: `d${i}`, text: w, samples: tone(150 + 60 * i, 350 + 30 * i) })),
    });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reports loss, throughput and dev error rates, checkpoints, and resumes to the same weights', async () => {
    const exportDir = path.join(dir, 'export');
    const reports: StepReport[] = [];
    const full = await train({
      exportDir, steps: 5, batchSize: 4, lr: 3e-3, warmupSteps: 2, backend: 'cpu', model, seed: 7,
      checkpointDir: path.join(dir, 'ckpt'), checkpointEvery: 2, evalEvery: 3, onStep: (r) => reports.push(r),
    });
    expect(full.step).toBe(5);
    expect(reports.map((r) => r.step)).toEqual([1, 2, 3, 4, 5]);
    expect(reports.map((r) => r.epoch)).toEqual([0, 0, 1, 1, 2]); // 6 utterances in batches of 4 → 2 per epoch
    expect(reports.every((r) => Number.isFinite(r.loss) && r.loss > 0 && r.utterancesPerSec > 0 && r.lossUnit === 'char')).toBe(true);
    expect(reports.filter((r) => r.dev).map((r) => r.step)).toEqual([3, 5]);
    expect(reports[2]!.dev!.utterances).toBe(2);
    expect(reports[2]!.dev!.cer).toBeGreaterThan(0);
    expect(reports.filter((r) => r.checkpoint).map((r) => path.basename(r.checkpoint!))).toEqual(['step-00000002', 'step-00000004', 'step-00000005']);
    expect((await readdir(path.join(dir, 'ckpt'))).sort()).toEqual(['step-00000002', 'step-00000004', 'step-00000005']);

    // A different init seed: ignored when resuming, so only a working resume can reproduce the weights.
    const resumedSteps: number[] = [];
    const resumed = await train({
      exportDir, steps: 5, batchSize: 4, lr: 3e-3, warmupSteps: 2, backend: 'cpu', seed: 7, model: { ...model, seed: 999 },
      resumeFrom: path.join(dir, 'ckpt', 'step-00000002'), onStep: (r) => resumedSteps.push(r.step),
    });
    expect(resumed.step).toBe(5);
    expect(resumedSteps).toEqual([3, 4, 5]);
    expect(resumed.lastLoss).toBe(full.lastLoss);
    expect(await weights(resumed)).toEqual(await weights(full));
    full.model.dispose();
    resumed.model.dispose();
  });

  it('stops at the signal and writes a checkpoint there', async () => {
    const train4 = await SpeechDataset.open(path.join(dir, 'export'), { split: 'train', batchSize: 3 });
    const controller = new AbortController();
    const r = await train({
      dataset: { train: train4 }, steps: 100, backend: 'cpu', model, checkpointDir: path.join(dir, 'stop'),
      onStep: (s) => {
        if (s.step === 3) controller.abort();
      },
      signal: controller.signal,
    });
    expect(r.aborted).toBe(true);
    expect(r.step).toBe(3);
    expect(path.basename(r.checkpoint!)).toBe('step-00000003');
    const latest = await train({ dataset: { train: train4 }, steps: 4, backend: 'cpu', checkpointDir: path.join(dir, 'stop'), resumeFrom: 'latest' });
    expect(latest.step).toBe(4);
    r.model.dispose();
    latest.model.dispose();
  });

  it('hands each checkpoint to publishCheckpoint, which may move it away, and names where it went', async () => {
    const train4 = await SpeechDataset.open(path.join(dir, 'export'), { split: 'train', batchSize: 3 });
    const moved = path.join(dir, 'published');
    const published: number[] = [];
    const reports: StepReport[] = [];
    const controller = new AbortController();
    const r = await train({
      dataset: { train: train4 }, steps: 100, backend: 'cpu', model, checkpointDir: path.join(dir, 'pub'), checkpointEvery: 2,
      publishCheckpoint: async (ckpt, step) => {
        published.push(step);
        await mkdir(moved, { recursive: true });
        await rename(ckpt, path.join(moved, path.basename(ckpt)));
        return `stored:${step}`;
      },
      onStep: (s) => {
        reports.push(s);
        if (s.step === 4) controller.abort();
      },
      signal: controller.signal,
    });
    expect(r).toMatchObject({ aborted: true, step: 4, checkpoint: 'stored:4' });
    // stopped right after the step-4 checkpoint: no second one of that step
    expect(published).toEqual([2, 4]);
    expect(reports.filter((x) => x.checkpoint).map((x) => x.checkpoint)).toEqual(['stored:2', 'stored:4']);
    expect(await readdir(path.join(dir, 'pub'))).toEqual([]);
    expect(await readdir(moved)).toEqual(['step-00000002', 'step-00000004']);
    r.model.dispose();
  });
});
