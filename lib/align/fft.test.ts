import { describe, expect, it } from 'vitest';
import { Fft } from './fft.ts';

function naiveDft(x: number[], y: number[]): { re: number[]; im: number[] } {
  const n = x.length;
  const re: number[] = [];
  const im: number[] = [];
  for (let k = 0; k < n; k++) {
    let sr = 0;
    let si = 0;
    for (let t = 0; t < n; t++) {
      const a = (-2 * Math.PI * k * t) / n;
      sr += x[t]! * Math.cos(a) - y[t]! * Math.sin(a);
      si += x[t]! * Math.sin(a) + y[t]! * Math.cos(a);
    }
    re.push(sr);
    im.push(si);
  }
  return { re, im };
}

// Deterministic pseudo-random numbers (mulberry32) so a failure is reproducible.
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296 - 0.5;
  };
}

describe('Fft', () => {
  it.each([1, 2, 4, 8, 64, 512])('matches a naive DFT for complex input of size %i', (n) => {
    const r = rng(n);
    const x = Array.from({ length: n }, r);
    const y = Array.from({ length: n }, r);
    const re = Float64Array.from(x);
    const im = Float64Array.from(y);
    new Fft(n).transform(re, im);
    const ref = naiveDft(x, y);
    for (let k = 0; k < n; k++) {
      expect(re[k]).toBeCloseTo(ref.re[k]!, 9);
      expect(im[k]).toBeCloseTo(ref.im[k]!, 9);
    }
  });

  it.each([2, 4, 16, 256, 2048])('gives the power spectrum of a real signal of size %i', (n) => {
    const r = rng(1000 + n);
    const x = Array.from({ length: n }, r);
    const out = new Float64Array(n / 2 + 1);
    const fft = new Fft(n);
    const input = Float64Array.from(x);
    fft.powerSpectrum(input, out);
    fft.powerSpectrum(input, out); // reusing the internal buffers gives the same answer
    const ref = naiveDft(x, new Array<number>(n).fill(0));
    for (let k = 0; k <= n / 2; k++) {
      expect(out[k]).toBeCloseTo(ref.re[k]! ** 2 + ref.im[k]! ** 2, 8);
    }
    expect(Array.from(input)).toEqual(x);
  });

  it.each([
    [2048, 1600],
    [2048, 1599],
    [16, 16],
    [16, 3],
    [8, 0],
  ])('gives a windowed, zero-padded frame cut from a longer signal (size %i, %i samples) the spectrum of that frame built by hand, to the bit', (n, have) => {
    const r = rng(7 * n + have);
    const signal = Float64Array.from({ length: have + 37 }, r);
    const window = Float64Array.from({ length: n }, (_, k) => 0.54 - 0.46 * Math.cos((2 * Math.PI * k) / (n - 1)));
    const frame = new Float64Array(n);
    for (let t = 0; t < have; t++) frame[t] = signal[11 + t]! * window[t]!;
    const fft = new Fft(n);
    const expected = new Float64Array(n / 2 + 1);
    fft.powerSpectrum(frame, expected);
    const out = new Float64Array(n / 2 + 1).fill(NaN);
    fft.windowedPowerSpectrum(signal, 11, have, window, out);
    expect(Array.from(out)).toEqual(Array.from(expected));
    // a longer frame before must leave nothing behind in the internal buffers
    fft.windowedPowerSpectrum(Float64Array.from({ length: n }, () => 1), 0, n, null, out);
    fft.windowedPowerSpectrum(signal, 11, have, window, out);
    expect(Array.from(out)).toEqual(Array.from(expected));
  });

  it('puts a pure cosine in its own bin', () => {
    const n = 64;
    const x = Float64Array.from({ length: n }, (_, t) => Math.cos((2 * Math.PI * 5 * t) / n));
    const out = new Float64Array(n / 2 + 1);
    new Fft(n).powerSpectrum(x, out);
    expect(out[5]).toBeCloseTo((n / 2) ** 2, 8);
    out[5] = 0;
    expect(Math.max(...out)).toBeLessThan(1e-18 * n * n + 1e-12);
  });

  it('rejects sizes that are not powers of two', () => {
    expect(() => new Fft(12)).toThrow(/power of two/);
  });
});
