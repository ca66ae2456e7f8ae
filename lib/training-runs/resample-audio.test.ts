import { describe, expect, it } from 'vitest';
import { downmix, resample } from './resample-audio.ts';

describe('resample to 16 kHz mono', () => {
  it('averages channels', () => {
    expect([...downmix([Float32Array.of(1, 0, 0.5), Float32Array.of(0, 1, 0.5)])]).toEqual([0.5, 0.5, 0.5]);
  });

  it('downsamples 48 kHz by averaging each group of three samples', () => {
    const out = resample(Float32Array.of(0, 0.3, 0.6, 0.9, 0.9, 0.9, 1), 48_000);
    expect(out.length).toBe(2);
    expect(out[0]).toBeCloseTo(0.3);
    expect(out[1]).toBeCloseTo(0.9);
  });

  it('keeps a 440 Hz tone at 440 Hz from 44.1 kHz (zero crossings per second)', () => {
    const sr = 44_100;
    const tone = Float32Array.from({ length: sr }, (_, i) => Math.sin((2 * Math.PI * 440 * i) / sr));
    const out = resample(tone, sr);
    expect(out.length).toBe(16_000);
    let crossings = 0;
    for (let i = 1; i < out.length; i++) if ((out[i - 1]! < 0) !== (out[i]! < 0)) crossings++;
    expect(Math.abs(crossings - 880)).toBeLessThanOrEqual(2);
  });

  it('upsamples 8 kHz linearly', () => {
    expect([...resample(Float32Array.of(0, 1, 0), 8000)]).toEqual([0, 0.5, 1, 0.5, 0, 0]);
  });
});
