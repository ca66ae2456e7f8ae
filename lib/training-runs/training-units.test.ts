import { describe, expect, it } from 'vitest';
import { estimateEtaSec, etaFromMetrics, formatDuration } from './estimate-eta.ts';
import { runOptionLabel } from './run-option-label.ts';
import { runSource } from './run-source.ts';
import { fragmentCer, nextModelFlag } from './model-mismatch-flag.ts';
import { appendMetric, lossCurve, type MetricPoint } from './training-metrics.ts';
import { checkpointEvery, parseTrainingSettings } from './training-settings.ts';

describe('model-mismatch flag', () => {
  const flag = (flag: string | null, status: string, cer: number) => nextModelFlag({ flag, status, cer, threshold: 0.5 });
  it.each([
    [null, 'auto', 0.8, 'model-mismatch'],
    [null, 'edited', 0.51, 'model-mismatch'],
    [null, 'auto', 0.5, null], // not above the threshold
    [null, 'approved', 0.9, null], // a reviewer already decided
    [null, 'rejected', 0.9, null],
    ['model-mismatch', 'auto', 0.1, null], // cleared when it no longer applies
    ['model-mismatch', 'approved', 0.9, null],
    ['not-in-audio', 'auto', 0.9, 'not-in-audio'], // another flag is never overwritten
    ['not-in-audio', 'auto', 0.0, 'not-in-audio'],
  ])('%s / %s / CER %s → %s', (f, status, cer, expected) => expect(flag(f, status, cer)).toBe(expected));

  it('computes CER on collapsed whitespace, 1 for output against an empty reference', () => {
    expect(fragmentCer('el sol', ' el  sol ')).toBe(0);
    expect(fragmentCer('casa', 'cosa')).toBe(0.25);
    expect(fragmentCer('ab', '')).toBe(1);
    expect(fragmentCer('', 'a')).toBe(1);
    expect(fragmentCer('', '')).toBe(0);
  });
});

describe('training metrics', () => {
  const p = (step: number, extra: Partial<MetricPoint> = {}): MetricPoint => ({ step, loss: 1, utterancesPerSec: 1, t: step, ...extra });
  it('appends, replaces the steps after a resumed checkpoint, and thins long curves keeping dev points and the last', () => {
    expect(appendMetric([p(1), p(2), p(3)], p(3)).map((m) => m.step)).toEqual([1, 2, 3]);
    expect(appendMetric([p(1), p(2), p(3), p(4)], p(3, { loss: 9 })).map((m) => [m.step, m.loss])).toEqual([[1, 1], [2, 1], [3, 9]]);
    let pts: MetricPoint[] = [];
    for (let s = 1; s <= 12; s++) pts = appendMetric(pts, p(s, s === 4 ? { devCer: 0.5 } : {}), 8);
    expect(pts.length).toBeLessThanOrEqual(8);
    expect(pts.some((m) => m.devCer === 0.5)).toBe(true);
    expect(pts.at(-1)!.step).toBe(12);
    expect(pts[0]!.step).toBe(1);
  });
});

describe('loss units', () => {
  const p = (step: number, loss: number, lossUnit?: 'char'): MetricPoint => ({ step, loss, utterancesPerSec: 1, t: step, ...(lossUnit ? { lossUnit } : {}) });
  it('marks a run\'s curve with its unit: per character now, per utterance for points stored before', () => {
    expect(lossCurve([p(1, 2.5, 'char'), p(2, 2.1, 'char')])).toEqual({ unit: 'char', points: [{ x: 1, y: 2.5 }, { x: 2, y: 2.1 }] });
    expect(lossCurve([p(1, 812), p(2, 640)])).toEqual({ unit: 'utterance', points: [{ x: 1, y: 812 }, { x: 2, y: 640 }] });
    // an old run resumed after the change: its older points are not comparable and are left off the curve
    expect(lossCurve([p(1, 812), p(2, 640), p(3, 3.1, 'char')])).toEqual({ unit: 'char', points: [{ x: 3, y: 3.1 }] });
    expect(lossCurve([])).toEqual({ unit: null, points: [] });
  });
});

describe('run source and option labels', () => {
  it('names the project and describes the export (which has no name of its own)', () => {
    const exp = {
      id: 'exp_1',
      createdAt: new Date('2026-12-07T10:00:00Z'),
      settings: JSON.stringify({ filters: { statuses: ['approved', 'edited'] }, unit: 'sentence', ratios: { train: 60, dev: 20, test: 20 }, group: 'chapter' }),
      stats: JSON.stringify({ hours: 1.254, examples: 812 }),
      project: { id: 'p1', name: 'Cuentos' },
    };
    expect(runSource(exp)).toEqual({ projectId: 'p1', projectName: 'Cuentos', exportId: 'exp_1', exportCreatedAt: '2026-12-07T10:00:00.000Z', exportSummary: 'approved+edited · sentences · 60/20/20 by chapter · 1.25 h · 812 examples' });
    expect(runSource({ ...exp, settings: '{', stats: null }).exportSummary).toBe('');
  });

  it('says in the run picker which runs are too weak to check a chapter', () => {
    const r = { id: 'run_a', settings: { model: 'tiny' }, step: 40 };
    expect(runOptionLabel({ ...r, devCer: 0.79 })).toBe('run_a · tiny · step 40 · dev CER 79 % · too weak to check');
    expect(runOptionLabel({ ...r, devCer: null })).toBe('run_a · tiny · step 40 · no dev CER · too weak to check');
    expect(runOptionLabel({ ...r, devCer: 0.12 })).toBe('run_a · tiny · step 40 · dev CER 12 %');
  });
});

describe('ETA and settings', () => {
  it('estimates from the pace of this attempt', () => {
    expect(estimateEtaSec({ step: 10, steps: 100, firstStep: 0, elapsedSec: 5 })).toBe(45);
    expect(estimateEtaSec({ step: 60, steps: 100, firstStep: 50, elapsedSec: 20 })).toBe(80);
    expect(estimateEtaSec({ step: 50, steps: 100, firstStep: 50, elapsedSec: 3 })).toBeNull();
    expect(formatDuration(42.4)).toBe('42 s');
    expect(formatDuration(125)).toBe('2 min 5 s');
    expect(formatDuration(3 * 3600 + 120)).toBe('3 h 2 min');
  });

  it('has one ETA, from the steps of this attempt recorded in the loss curve (a resume restarts the clock)', () => {
    const pts = (xs: [number, number][]) => xs.map(([step, t]) => ({ step, t }));
    // start-up before step 1 (t = 8 s) is not counted: 1 s per step since
    expect(etaFromMetrics(pts([[1, 8], [2, 9], [3, 10], [5, 12]]), 25)).toBe(20);
    // resumed at step 3: the clock went back; only the new attempt's pace (2 s per step) counts
    expect(etaFromMetrics(pts([[1, 8], [2, 9], [3, 10], [4, 5], [5, 7], [6, 9]]), 10)).toBe(8);
    expect(etaFromMetrics(pts([[4, 5]]), 10)).toBeNull();
    expect(etaFromMetrics(pts([[1, 8], [2, 9], [4, 5]]), 10)).toBeNull();
  });

  it('fills defaults and rejects bad settings with a readable message', () => {
    const s = parseTrainingSettings({ steps: '300' });
    expect(s).toMatchObject({ steps: 300, backend: 'auto', batchSize: 16, lr: 1e-3, model: 'base', augment: true });
    expect(checkpointEvery(s)).toBe(15);
    expect(checkpointEvery(parseTrainingSettings({ steps: 100_000 }))).toBe(500);
    expect(() => parseTrainingSettings({ backend: 'tpu' })).toThrow(/backend/);
    expect(() => parseTrainingSettings({ steps: 1.5 })).toThrow(/steps/);
  });
});

describe('tfjs lock', () => {
  it('runs tfjs jobs one at a time, also after one fails', async () => {
    const { withTfjsLock } = await import('./tfjs-lock.ts');
    const log: string[] = [];
    const job = (name: string, ms: number, fail = false) =>
      withTfjsLock(async () => {
        log.push(`${name}+`);
        await new Promise((r) => setTimeout(r, ms));
        log.push(`${name}-`);
        if (fail) throw new Error(name);
        return name;
      });
    const results = await Promise.allSettled([job('a', 20, true), job('b', 5), job('c', 1)]);
    expect(log).toEqual(['a+', 'a-', 'b+', 'b-', 'c+', 'c-']);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
  });
});
