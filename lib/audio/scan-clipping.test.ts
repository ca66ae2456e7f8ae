import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanClipping } from './scan-clipping.ts';
import { wavBytes } from './wav-bytes.ts';

let dir: string;
const f = (name: string) => path.join(dir, name);

/** A minimal 16-bit PCM WAV. */
function wav(samples: ArrayLike<number>, channels = 1, sampleRate = 16000): Buffer {
  return Buffer.from(wavBytes(Int16Array.from(samples), sampleRate, channels));
}

async function scan(name: string, samples: ArrayLike<number>, channels = 1) {
  await writeFile(f(name), wav(samples, channels));
  return scanClipping(f(name));
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'alinea-clip-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('scanClipping', () => {
  it('counts samples at either rail, ±32767 and −32768', async () => {
    const r = await scan('rails.wav', [0, 100, -32768, 32767, 32767, -32767, 32766, -100]);
    expect(r.clippedSamples).toBe(4);
    expect(r.clippedRatio).toBe(0.5);
    expect(r.peakDb).toBe(0);
  });

  it('gives the sample peak in dBFS', async () => {
    const r = await scan('half.wav', [16384, -1000, 0]);
    expect(r.peakDb).toBeCloseTo(-6.0206, 3);
    expect(r.clippedSamples).toBe(0);
    expect(r.clippedRatio).toBe(0);
    expect((await scan('neg.wav', [-3277])).peakDb).toBeCloseTo(20 * Math.log10(3277 / 32768), 9);
  });

  it('reports −120 dB for silence and for an empty file', async () => {
    expect(await scan('silence.wav', new Array<number>(1000).fill(0))).toEqual({
      peakDb: -120,
      clippedSamples: 0,
      clippedRatio: 0,
    });
    expect(await scan('empty.wav', [])).toEqual({ peakDb: -120, clippedSamples: 0, clippedRatio: 0 });
  });

  it('counts every channel sample of a stereo file', async () => {
    const r = await scan('stereo.wav', [32767, 0, 0, -32768, 5, 5], 2);
    expect(r.clippedSamples).toBe(2);
    expect(r.clippedRatio).toBeCloseTo(2 / 6, 12);
  });

  it('sees clipped samples across streaming chunk boundaries', async () => {
    const n = 300_001;
    const samples = new Int16Array(n);
    for (let i = 0; i < n; i++) samples[i] = Math.round(8000 * Math.sin(i / 10));
    samples[65_535] = 32767; // last of the first 64 Ki-sample chunk
    samples[65_536] = -32768; // first of the second
    samples[n - 1] = 32767;
    const r = await scan('long.wav', samples);
    expect(r.clippedSamples).toBe(3);
    expect(r.clippedRatio).toBeCloseTo(3 / n, 12);
  });

  it('rejects a file that is not a WAV', async () => {
    await writeFile(f('text.wav'), 'hello');
    await expect(scanClipping(f('text.wav'))).rejects.toMatchObject({ code: 'UNSUPPORTED_MEDIA' });
  });
});
