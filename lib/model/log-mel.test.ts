import { describe, expect, it } from 'vitest';
import { hzToMel, logMel, melToHz } from './log-mel.ts';

function sine(hz: number, seconds: number, amplitude = 0.5, rate = 16_000): Float32Array {
  return Float32Array.from({ length: Math.round(seconds * rate) }, (_, i) => amplitude * Math.sin((2 * Math.PI * hz * i) / rate));
}

/** Mel filter centres in Hz for 80 bins over 0–8000 Hz. */
const centres = Array.from({ length: 80 }, (_, m) => melToHz((hzToMel(8000) * (m + 1)) / 81));

describe('logMel', () => {
  it('frames 25 ms windows every 10 ms into 80 bins', () => {
    const f = logMel(new Int16Array(16_000));
    expect(f.bins).toBe(80);
    expect(f.frames).toBe(1 + Math.floor((16_000 - 400) / 160)); // 98
    expect(f.data.length).toBe(98 * 80);
    expect(f.data[0]).toBeCloseTo(Math.log(1e-6), 5); // digital silence → the floor
    expect(logMel(new Int16Array(399)).frames).toBe(0);
  });

  it('puts the energy of a sine in the bin whose centre is nearest its frequency', () => {
    for (const hz of [300, 1000, 2500, 6000]) {
      const f = logMel(sine(hz, 0.2));
      const row = Array.from(f.data.subarray(5 * 80, 6 * 80));
      const peak = row.indexOf(Math.max(...row));
      const nearest = centres.map((c) => Math.abs(c - hz)).reduce((best, d, i, all) => (d < all[best]! ? i : best), 0);
      expect(Math.abs(peak - nearest)).toBeLessThanOrEqual(1);
    }
  });

  it('matches a naive DFT and triangular filterbank on one frame', () => {
    const x = new Int16Array(2_000);
    for (let i = 0; i < x.length; i++) x[i] = Math.round(8000 * Math.sin(i * 0.37) + 3000 * Math.cos(i * 1.9) + ((i * 7919) % 200) - 100);
    const f = logMel(x);
    const t = 3;
    const frame = Array.from({ length: 512 }, (_, n) => (n < 400 ? (x[t * 160 + n]! / 32768) * (0.5 - 0.5 * Math.cos((2 * Math.PI * n) / 400)) : 0));
    const power = Array.from({ length: 257 }, (_, k) => {
      let re = 0;
      let im = 0;
      for (let n = 0; n < 512; n++) {
        re += frame[n]! * Math.cos((2 * Math.PI * k * n) / 512);
        im -= frame[n]! * Math.sin((2 * Math.PI * k * n) / 512);
      }
      return re * re + im * im;
    });
    const edges = Array.from({ length: 82 }, (_, m) => melToHz((hzToMel(8000) * m) / 81));
    for (const m of [0, 1, 10, 40, 79]) {
      let e = 0;
      for (let k = 0; k < 257; k++) {
        const hz = (k * 16_000) / 512;
        const w = Math.max(0, Math.min((hz - edges[m]!) / (edges[m + 1]! - edges[m]!), (edges[m + 2]! - hz) / (edges[m + 2]! - edges[m + 1]!)));
        e += w * power[k]!;
      }
      expect(f.data[t * 80 + m]).toBeCloseTo(Math.log(e + 1e-6), 4);
    }
  });

  it('normalises each bin to zero mean and unit variance per utterance', () => {
    const x = sine(440, 0.5);
    for (let i = 0; i < x.length; i++) x[i]! += 0.01 * Math.sin(i * 0.123 + Math.sin(i * 0.001));
    const f = logMel(x, { normalize: true });
    for (const m of [3, 20, 60]) {
      const col = Array.from({ length: f.frames }, (_, t) => f.data[t * 80 + m]!);
      const mean = col.reduce((s, v) => s + v, 0) / col.length;
      const variance = col.reduce((s, v) => s + (v - mean) ** 2, 0) / col.length;
      expect(mean).toBeCloseTo(0, 4);
      expect(variance).toBeCloseTo(1, 3);
    }
  });

  it('uses Slaney mel: linear to 1 kHz, logarithmic above', () => {
    expect(hzToMel(1000)).toBeCloseTo(15, 10);
    expect(hzToMel(6400)).toBeCloseTo(42, 10);
    expect(melToHz(hzToMel(3210))).toBeCloseTo(3210, 8);
  });
});
