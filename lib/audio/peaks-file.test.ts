import { readdirSync } from 'node:fs';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPeaks, writePeaksFile } from './peaks-file.ts';
import { wavBytes } from './wav-bytes.ts';

let dir: string;
const f = (name: string) => path.join(dir, name);

/** Temp files of a target: `<target>.<pid>-<id>.part`. */
const partsOf = (target: string) =>
  readdirSync(path.dirname(target)).filter((n) => n.startsWith(`${path.basename(target)}.`) && n.endsWith('.part'));

/** A minimal 16-bit PCM WAV. */
function wav(samples: ArrayLike<number>, sampleRate = 16000, channels = 1): Buffer {
  return Buffer.from(wavBytes(Int16Array.from(samples), sampleRate, channels));
}

// 10 buckets of silence, 10 of a full-scale square wave (20-sample half periods), then 50 samples at 1000.
const SILENT = 1600;
const SQUARE = 1600;
const signal = [
  ...new Array<number>(SILENT).fill(0),
  ...Array.from({ length: SQUARE }, (_, i) => (Math.floor(i / 20) % 2 === 0 ? 32767 : -32768)),
  ...new Array<number>(50).fill(1000),
];
const FULL_MAX = 32767 / 32768;

function pairs(peaks: Float32Array): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < peaks.length; i += 2) out.push([peaks[i]!, peaks[i + 1]!]);
  return out;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'alinea-peaks-'));
  await writeFile(f('known.wav'), wav(signal));
  await writePeaksFile(f('known.wav'), f('known.peaks'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writePeaksFile', () => {
  it('writes the documented binary layout with one min/max pair per bucket', async () => {
    const info = await writePeaksFile(f('known.wav'), f('again.peaks'));
    expect(info).toEqual({ sampleRate: 16000, samplesPerPeak: 160, count: 21 });
    const b = await readFile(f('again.peaks'));
    expect(b.toString('latin1', 0, 4)).toBe('ALPK');
    expect([b.readUInt32LE(4), b.readUInt32LE(8), b.readUInt32LE(12), b.readUInt32LE(16)]).toEqual([1, 16000, 160, 21]);
    expect(b.length).toBe(20 + 21 * 4);
    const at = (k: number) => [b.readInt16LE(20 + k * 4), b.readInt16LE(22 + k * 4)];
    for (let k = 0; k < 10; k++) expect(at(k)).toEqual([0, 0]);
    for (let k = 10; k < 20; k++) expect(at(k)).toEqual([-32768, 32767]);
    expect(at(20)).toEqual([1000, 1000]);
    expect(partsOf(f('again.peaks')).length).toBe(0);
  });

  it('pools channels of a stereo file per frame bucket', async () => {
    // Frames (L, R): bucket 0 = (1, -2), (3, 4); bucket 1 = (-5, 6).
    await writeFile(f('stereo.wav'), wav([1, -2, 3, 4, -5, 6], 8000, 2));
    const info = await writePeaksFile(f('stereo.wav'), f('stereo.peaks'), { samplesPerPeak: 2 });
    expect(info.count).toBe(2);
    const { peaks } = await readPeaks(f('stereo.peaks'));
    expect(pairs(peaks).map(([a, b]) => [a * 32768, b * 32768])).toEqual([
      [-2, 4],
      [-5, 6],
    ]);
  });

  it('handles an empty WAV', async () => {
    await writeFile(f('empty.wav'), wav([]));
    expect((await writePeaksFile(f('empty.wav'), f('empty.peaks'))).count).toBe(0);
    expect((await readPeaks(f('empty.peaks'))).peaks.length).toBe(0);
  });

  it('rejects a non-WAV input and leaves no .part', async () => {
    await writeFile(f('junk.wav'), 'not audio');
    await expect(writePeaksFile(f('junk.wav'), f('junk.peaks'))).rejects.toMatchObject({ code: 'UNSUPPORTED_MEDIA' });
    expect(existsSync(f('junk.peaks'))).toBe(false);
    expect(partsOf(f('junk.peaks')).length).toBe(0);
  });
});

describe('readPeaks', () => {
  it('returns every bucket scaled to [-1, 1]', async () => {
    const r = await readPeaks(f('known.peaks'));
    expect(r).toMatchObject({ sampleRate: 16000, samplesPerPeak: 160, startSec: 0 });
    const p = pairs(r.peaks);
    expect(p).toHaveLength(21);
    expect(p.slice(0, 10).every(([a, b]) => a === 0 && b === 0)).toBe(true);
    expect(p.slice(10, 20).every(([a, b]) => a === -1 && b === Math.fround(FULL_MAX))).toBe(true);
    expect(p[20]).toEqual([Math.fround(1000 / 32768), Math.fround(1000 / 32768)]);
  });

  it('reads a time range, starting at the bucket holding `start`', async () => {
    const r = await readPeaks(f('known.peaks'), { start: 0.095, end: 0.125 });
    expect(r.startSec).toBeCloseTo(0.09, 9);
    const p = pairs(r.peaks);
    expect(p).toHaveLength(4); // buckets 9, 10, 11, 12
    expect(p[0]).toEqual([0, 0]);
    expect(p[1]![0]).toBe(-1);
  });

  it('reduces to coarser buckets by min/max', async () => {
    const r = await readPeaks(f('known.peaks'), { samplesPerPeak: 480 });
    expect(r.samplesPerPeak).toBe(480);
    const p = pairs(r.peaks);
    expect(p).toHaveLength(7); // ceil(21 / 3)
    expect(p[0]).toEqual([0, 0]); // stored buckets 0-2
    expect(p[2]).toEqual([0, 0]); // 6-8
    expect(p[3]).toEqual([-1, Math.fround(FULL_MAX)]); // 9-11: silence + square
    expect(p[6]).toEqual([-1, Math.fround(FULL_MAX)]); // 18-20: square + the short tail bucket
  });

  it('combines a range with a coarse zoom', async () => {
    const r = await readPeaks(f('known.peaks'), { start: 0.05, end: 0.07, samplesPerPeak: 320 });
    expect(r.startSec).toBeCloseTo(0.04, 9); // coarse bucket 2 = stored 4-5
    expect(pairs(r.peaks)).toEqual([
      [0, 0],
      [0, 0],
    ]);
  });

  it('does not add a bucket for float noise at exact boundaries', async () => {
    const r = await readPeaks(f('known.peaks'), { start: 0.1, end: 0.15 });
    expect(r.startSec).toBeCloseTo(0.1, 9);
    expect(r.peaks.length).toBe(5 * 2); // buckets 10-14
  });

  it('returns nothing past the end', async () => {
    const r = await readPeaks(f('known.peaks'), { start: 10, end: 20 });
    expect(r.peaks.length).toBe(0);
  });

  it('rejects a zoom that is not a multiple of the stored resolution, and a reversed range', async () => {
    await expect(readPeaks(f('known.peaks'), { samplesPerPeak: 240 })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(readPeaks(f('known.peaks'), { samplesPerPeak: 80 })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(readPeaks(f('known.peaks'), { start: 2, end: 1 })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('rejects a file that is not a peaks file', async () => {
    await writeFile(f('fake.peaks'), Buffer.from('RIFF0000WAVEfmt 0000000000000000'));
    await expect(readPeaks(f('fake.peaks'))).rejects.toThrow(/"fake\.peaks" is not a valid peaks file/);
  });
});
