import { describe, expect, it } from 'vitest';
import { Fft } from '../align/fft.ts';
import { addNoise, specAugment } from './augment.ts';
import { createRandom } from './seeded-random.ts';

const power = (x: ArrayLike<number>) => Array.from(x).reduce((s, v) => s + v * v, 0) / x.length;

describe('specAugment', () => {
  const frames = 200;
  const bins = 80;
  const data = Float32Array.from({ length: frames * bins }, (_, i) => 1 + (i % 7));

  it('applies the configured number of masks within their maximum widths and zeroes exactly those cells', () => {
    const { data: out, masks } = specAugment(data, frames, bins, createRandom(1), {
      freqMasks: 2, freqMaskWidth: 10, timeMasks: 3, timeMaskWidth: 30, timeMaskFraction: 0.1,
    });
    expect(masks.filter((m) => m.axis === 'freq')).toHaveLength(2);
    expect(masks.filter((m) => m.axis === 'time')).toHaveLength(3);
    for (const m of masks) {
      expect(m.width).toBeLessThanOrEqual(m.axis === 'freq' ? 10 : 20); // 0.1 · 200 frames < 30
      expect(m.start + m.width).toBeLessThanOrEqual(m.axis === 'freq' ? bins : frames);
    }
    for (let t = 0; t < frames; t++) {
      for (let f = 0; f < bins; f++) {
        const masked = masks.some((m) => (m.axis === 'freq' ? f : t) >= m.start && (m.axis === 'freq' ? f : t) < m.start + m.width);
        expect(out[t * bins + f]).toBe(masked ? 0 : data[t * bins + f]);
      }
    }
    expect(data[0]).toBe(1); // input untouched
  });

  it('is reproducible from the seed and varies across seeds', () => {
    const a = specAugment(data, frames, bins, createRandom(5)).masks;
    expect(specAugment(data, frames, bins, createRandom(5)).masks).toEqual(a);
    expect(specAugment(data, frames, bins, createRandom(6)).masks).not.toEqual(a);
  });

  it('draws mask widths over the whole range 0..F', () => {
    const rng = createRandom(3);
    const widths = new Set<number>();
    for (let i = 0; i < 300; i++) for (const m of specAugment(data, frames, bins, rng, { freqMaskWidth: 5, timeMasks: 0 }).masks) widths.add(m.width);
    expect([...widths].sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });
});

describe('addNoise', () => {
  const speech = Float32Array.from({ length: 16_000 }, (_, i) => 0.3 * Math.sin(i * 0.05) * Math.sin(i * 0.0007));

  it('achieves the drawn SNR within 0.5 dB for white and pink noise', () => {
    const rng = createRandom(11);
    for (const color of ['white', 'pink'] as const) {
      for (let k = 0; k < 5; k++) {
        const { samples, snrDb } = addNoise(speech, rng, { color, snrDbMin: 0, snrDbMax: 20 });
        const noise = samples.map((v, i) => v - speech[i]!);
        const achieved = 10 * Math.log10(power(speech) / power(noise));
        expect(snrDb).toBeGreaterThanOrEqual(0);
        expect(snrDb).toBeLessThanOrEqual(20);
        expect(Math.abs(achieved - snrDb)).toBeLessThan(0.5);
      }
    }
  });

  it('makes pink noise fall about 3 dB per octave and white noise stay flat', () => {
    const silenceFree = Float32Array.from({ length: 1 << 16 }, () => 0.1);
    const bandRatioDb = (color: 'white' | 'pink') => {
      const { samples } = addNoise(silenceFree, createRandom(2), { color, snrDbMin: 0, snrDbMax: 0 });
      const fft = new Fft(1024);
      const spec = new Float64Array(513);
      const acc = new Float64Array(513);
      const frame = new Float64Array(1024);
      for (let s = 0; s + 1024 <= samples.length; s += 1024) {
        for (let i = 0; i < 1024; i++) frame[i] = samples[s + i]! - 0.1;
        fft.powerSpectrum(frame, spec);
        for (let k = 0; k < 513; k++) acc[k]! += spec[k]!;
      }
      const band = (lo: number, hi: number) => acc.slice(lo, hi).reduce((a, b) => a + b, 0) / (hi - lo);
      // Mean power density at 1–2 kHz vs 2–4 kHz (bins of 15.6 Hz at 16 kHz).
      return 10 * Math.log10(band(64, 128) / band(128, 256));
    };
    expect(bandRatioDb('pink')).toBeGreaterThan(2);
    expect(bandRatioDb('pink')).toBeLessThan(4);
    expect(Math.abs(bandRatioDb('white'))).toBeLessThan(0.5);
  });

  it('leaves digital silence silent', () => {
    const { samples } = addNoise(new Float32Array(100), createRandom(1));
    expect(samples.every((v) => v === 0)).toBe(true);
  });
});
