import { describe, expect, it } from 'vitest';
import { dbWindow, spectrogramPalette } from './spectrogram-palette.ts';
import { spectrogramPlan } from './spectrogram-plan.ts';

describe('spectrogramPlan', () => {
  it('a window up to 30 s: every sample of it', () => {
    expect(spectrogramPlan({ start: 10, end: 40, width: 900, sampleRate: 16000 })).toEqual({ kind: 'contiguous', first: 160000, last: 640000 });
  });

  it('longer (the overview): one excerpt centred in each column, at most 480 columns, whatever the length', () => {
    for (const hours of [0.1, 1, 5]) {
      const end = hours * 3600;
      const plan = spectrogramPlan({ start: 0, end, width: 1200, sampleRate: 16000 });
      if (plan.kind !== 'sampled') throw new Error('sampled expected');
      expect(plan.columns).toHaveLength(480);
      expect(plan.columns.every((c) => c.count === 1024)).toBe(true);
      const step = end / 480;
      expect(plan.columns[0]!.first).toBe(Math.round((step / 2) * 16000) - 512);
      expect(plan.columns[479]!.first).toBe(Math.round((end - step / 2) * 16000) - 512);
    }
  });

  it('a narrow view has one column a pixel; an excerpt never starts before the audio', () => {
    const plan = spectrogramPlan({ start: 0, end: 60, width: 200, sampleRate: 16000, excerpt: 100000 });
    if (plan.kind !== 'sampled') throw new Error('sampled expected');
    expect(plan.columns).toHaveLength(200);
    expect(plan.columns[0]!.first).toBe(0);
  });
});

describe('spectrogram palette', () => {
  it('256 colours from dark to light, each lighter than the one before (readable as loudness)', () => {
    const p = spectrogramPalette();
    expect(p).toHaveLength(768);
    const luma = (v: number) => 0.2126 * p[v * 3]! + 0.7152 * p[v * 3 + 1]! + 0.0722 * p[v * 3 + 2]!;
    for (let v = 1; v < 256; v++) expect(luma(v)).toBeGreaterThanOrEqual(luma(v - 1));
    expect(luma(0)).toBeLessThan(40);
    expect(luma(255)).toBeGreaterThan(200);
  });

  it('the dB window: the 99th percentile of the finite levels down to 70 dB below it', () => {
    const levels = Array.from({ length: 1000 }, (_, i) => -100 + i / 10);
    levels.push(Infinity, NaN, -Infinity);
    const w = dbWindow(levels);
    expect(w.top).toBeCloseTo(-100 + 990 / 10, 6);
    expect(w.floor).toBeCloseTo(w.top - 70, 6);
    expect(dbWindow([])).toEqual({ floor: -70, top: 0 });
  });
});
