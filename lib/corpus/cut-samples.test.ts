import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.ts';
import { cutSamples } from './cut-samples.ts';
import { wavBytes } from '../audio/wav-bytes.ts';

const SR = 16_000;
const N = 10 * SR; // 10 s: a cut spans several 64 k-sample read chunks
const value = (i: number) => (i % 60_001) - 30_000; // identifies the sample index
let dir: string;
let wav: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'alinea-cut-'));
  wav = path.join(dir, 'chapter.wav');
  await writeFile(wav, wavBytes(Int16Array.from({ length: N }, (_, i) => value(i)), SR));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function expectRange(samples: Int16Array, start: number, end: number) {
  expect(samples.length).toBe(end - start);
  for (let i = 0; i < samples.length; i++) {
    if (samples[i] !== value(start + i)) throw new Error(`sample ${i} is ${samples[i]}, expected ${value(start + i)}`);
  }
}

describe('cutSamples', () => {
  it('cuts [begin, end) rounded to the nearest sample', async () => {
    const r = await cutSamples(wav, { begin: 1.23456, end: 7.654321 });
    expect([r.start, r.end, r.sampleRate]).toEqual([19_753, 122_469, SR]); // 19752.96, 122469.136
    expectRange(r.samples, r.start, r.end);
    const exact = await cutSamples(wav, { begin: 2, end: 2 + 1 / SR });
    expect([exact.start, exact.end]).toEqual([32_000, 32_001]);
    expectRange(exact.samples, 32_000, 32_001);
    const half = await cutSamples(wav, { begin: 100.5 / SR, end: 200.4 / SR });
    expect([half.start, half.end]).toEqual([101, 200]);
  });

  it('pads both sides, clamped to the limits and the file, never shrinking the segment', async () => {
    const padded = await cutSamples(wav, { begin: 3, end: 4, padMs: 100 });
    expect([padded.start, padded.end]).toEqual([46_400, 65_600]);
    expectRange(padded.samples, 46_400, 65_600);

    const limited = await cutSamples(wav, { begin: 3, end: 4, padMs: 250, limits: { begin: 2.95, end: 4.1 } });
    expect([limited.start, limited.end]).toEqual([47_200, 65_600]);
    expectRange(limited.samples, 47_200, 65_600);

    // A limit inside the segment does not cut into it.
    const inside = await cutSamples(wav, { begin: 3, end: 4, padMs: 250, limits: { begin: 3.5, end: 3.6 } });
    expect([inside.start, inside.end]).toEqual([48_000, 64_000]);

    const edges = await cutSamples(wav, { begin: 0.01, end: 9.99, padMs: 500 });
    expect([edges.start, edges.end]).toEqual([0, N]);
    expectRange(edges.samples, 0, N);
  });

  it('clamps to the end of the file and rejects ranges outside it', async () => {
    const tail = await cutSamples(wav, { begin: 9.5, end: 10.2 });
    expect([tail.start, tail.end]).toEqual([152_000, N]);
    await expect(cutSamples(wav, { begin: 11, end: 12 })).rejects.toThrow(/outside "chapter.wav"/);
    await expect(cutSamples(wav, { begin: 2, end: 2 })).rejects.toThrow(AppError);
    await expect(cutSamples(wav, { begin: -1, end: 2 })).rejects.toThrow(AppError);
    await expect(cutSamples(wav, { begin: 1, end: 2, padMs: -5 })).rejects.toThrow(AppError);
  });
});
