import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeMfcc, melFilterBank, mfccFromWav, MfccExtractor } from './mfcc.ts';

const SR = 16_000;

function signal(n: number): Float32Array {
  // A chirp plus a little deterministic "noise": every frame has a different, non-flat spectrum.
  const x = new Float32Array(n);
  let s = 12345;
  for (let t = 0; t < n; t++) {
    s = (s * 1103515245 + 12345) >>> 0;
    const f = 200 + (3000 * t) / n;
    x[t] = 0.5 * Math.sin((2 * Math.PI * f * t) / SR) + 0.01 * (s / 2 ** 32 - 0.5);
  }
  return x;
}

/** The textbook pipeline, written as plainly as possible, for one frame centred on sample `centre`. */
function naiveMfccFrame(x: Float32Array, centre: number): number[] {
  const win = 1600;
  const nfft = 2048;
  const pre = Array.from(x, (v, t) => v - 0.97 * (t > 0 ? x[t - 1]! : 0));
  const frame: number[] = [];
  for (let k = 0; k < win; k++) {
    const t = centre - win / 2 + k;
    const v = t >= 0 && t < x.length ? pre[t]! : 0;
    frame.push(v * (0.54 - 0.46 * Math.cos((2 * Math.PI * k) / (win - 1))));
  }
  const power: number[] = [];
  for (let b = 0; b <= nfft / 2; b++) {
    let re = 0;
    let im = 0;
    for (let k = 0; k < win; k++) {
      re += frame[k]! * Math.cos((2 * Math.PI * b * k) / nfft);
      im -= frame[k]! * Math.sin((2 * Math.PI * b * k) / nfft);
    }
    power.push(re * re + im * im);
  }
  const mel = (f: number) => 2595 * Math.log10(1 + f / 700);
  const hz = (m: number) => 700 * (Math.pow(10, m / 2595) - 1);
  const edges: number[] = [];
  for (let k = 0; k < 42; k++) edges.push(hz(mel(133.3333) + ((mel(6855.4976) - mel(133.3333)) * k) / 41));
  const logE: number[] = [];
  for (let j = 0; j < 40; j++) {
    let e = 0;
    for (let b = 0; b <= nfft / 2; b++) {
      const f = (b * SR) / nfft;
      const [l, c, r] = [edges[j]!, edges[j + 1]!, edges[j + 2]!];
      const w = f >= l && f <= c ? (f - l) / (c - l) : f > c && f <= r ? (r - f) / (r - c) : 0;
      e += w * power[b]!;
    }
    logE.push(Math.log(Math.max(e, 1e-10)));
  }
  const out: number[] = [];
  for (let k = 0; k < 13; k++) {
    let s = 0;
    for (let j = 0; j < 40; j++) s += logE[j]! * Math.cos((Math.PI * k * (j + 0.5)) / 40);
    out.push(s * (k === 0 ? Math.sqrt(1 / 40) : Math.sqrt(2 / 40)));
  }
  return out;
}

describe('computeMfcc', () => {
  it('matches a naive reference implementation frame by frame', () => {
    const x = signal(SR); // 1 s
    const m = computeMfcc(x, SR);
    expect(m.coeffs).toBe(13);
    expect(m.frames).toBe(25); // ceil(16000 / 640)
    expect(m.shiftSec).toBeCloseTo(0.04, 12);
    for (const i of [0, 1, 12, 24]) {
      const ref = naiveMfccFrame(x, i * 640);
      const got = Array.from(m.data.subarray(i * 13, i * 13 + 13));
      for (let k = 0; k < 13; k++) expect(got[k]).toBeCloseTo(ref[k]!, 3);
    }
  });

  it('gives only c0 for a constant log mel spectrum (digital silence at the floor)', () => {
    const m = computeMfcc(new Int16Array(8000), SR);
    for (let i = 0; i < m.frames; i++) {
      expect(m.data[i * 13]).toBeCloseTo(Math.sqrt(40) * Math.log(1e-10), 4);
      for (let k = 1; k < 13; k++) expect(Math.abs(m.data[i * 13 + k]!)).toBeLessThan(1e-5);
    }
  });

  it('is the same whatever the chunking of a stream', () => {
    const x = signal(SR * 2);
    const whole = computeMfcc(x, SR);
    const ex = new MfccExtractor(SR);
    for (let i = 0; i < x.length; ) {
      const n = 1 + ((i * 7919) % 3001);
      ex.push(x.subarray(i, i + n));
      i += n;
    }
    const streamed = ex.finish();
    expect(streamed.frames).toBe(whole.frames);
    expect(Array.from(streamed.data)).toEqual(Array.from(whole.data));
  });

  it('makes silence distinguishable with dither, deterministically', () => {
    const a = computeMfcc(new Int16Array(4000), SR, { dither: 1 });
    const b = computeMfcc(new Int16Array(4000), SR, { dither: 1 });
    expect(Array.from(a.data)).toEqual(Array.from(b.data));
    expect(Math.abs(a.data[1]!)).toBeGreaterThan(1e-3);
  });

  it('rejects an FFT smaller than the window and a mel range above Nyquist', () => {
    expect(() => computeMfcc(new Int16Array(100), SR, { fftSize: 512 })).toThrow(/smaller than/);
    expect(() => computeMfcc(new Int16Array(100), 8000)).toThrow(/does not fit/);
  });
});

describe('melFilterBank', () => {
  it('puts a sine in the filter whose centre is nearest', () => {
    const { first, weights } = melFilterBank(SR, 2048, 40, 133.3333, 6855.4976);
    const x = new Float32Array(SR);
    for (const freq of [300, 1000, 2500, 5000]) {
      for (let t = 0; t < x.length; t++) x[t] = 0.3 * Math.sin((2 * Math.PI * freq * t) / SR);
      // The filter energies, through the bank directly: the power of a pure tone sits at its bin.
      const bin = Math.round((freq * 2048) / SR);
      const energy = weights.map((w, j) => (bin >= first[j]! && bin < first[j]! + w.length ? w[bin - first[j]!]! : 0));
      const best = energy.indexOf(Math.max(...energy));
      const mel = (f: number) => 2595 * Math.log10(1 + f / 700);
      const centres = Array.from({ length: 40 }, (_, j) => mel(133.3333) + ((mel(6855.4976) - mel(133.3333)) * (j + 1)) / 41);
      const nearest = centres.reduce((bi, c, j) => (Math.abs(c - mel(freq)) < Math.abs(centres[bi]! - mel(freq)) ? j : bi), 0);
      expect(best).toBe(nearest);
    }
  });
});

describe('mfccFromWav', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'alinea-mfcc-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('streams a WAV to the same frames as the in-memory call', async () => {
    const x = signal(SR * 3);
    const pcm = Int16Array.from(x, (v) => Math.round(v * 32767));
    const header = Buffer.alloc(44);
    header.write('RIFF', 0, 'latin1');
    header.writeUInt32LE(36 + pcm.byteLength, 4);
    header.write('WAVEfmt ', 8, 'latin1');
    header.writeUInt32LE(16, 16);
    header.writeUInt16LE(1, 20);
    header.writeUInt16LE(1, 22);
    header.writeUInt32LE(SR, 24);
    header.writeUInt32LE(SR * 2, 28);
    header.writeUInt16LE(2, 32);
    header.writeUInt16LE(16, 34);
    header.write('data', 36, 'latin1');
    header.writeUInt32LE(pcm.byteLength, 40);
    const file = path.join(dir, 'x.wav');
    await writeFile(file, Buffer.concat([header, Buffer.from(pcm.buffer)]));
    let seen = 0;
    const m = await mfccFromWav(file, { onChunk: (c) => (seen += c.length) });
    const ref = computeMfcc(pcm, SR);
    expect(seen).toBe(pcm.length);
    expect(m.samples).toBe(pcm.length);
    expect(m.frames).toBe(ref.frames);
    expect(Array.from(m.data)).toEqual(Array.from(ref.data));
  });
});
