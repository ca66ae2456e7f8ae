import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wavBytes } from '../audio/wav-bytes.ts';
import { parseSpectrogram } from './parse-spectrogram.ts';
import { readSpectrogramFile, spectrogramBandEdges, writeSpectrogramFile } from './spectrogram-file.ts';

let dir: string;
const f = (name: string) => path.join(dir, name);
const RATE = 16_000;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'alinea-spectrogram-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** 1 s of silence, 1 s of a 1 kHz sine at half scale, 1 s of silence. */
function toneInSilence(): Int16Array {
  const s = new Int16Array(3 * RATE);
  for (let i = RATE; i < 2 * RATE; i++) s[i] = Math.round(16384 * Math.sin((2 * Math.PI * 1000 * i) / RATE));
  return s;
}

const level = (sg: { levels: Uint8Array; bands: number }, column: number, band: number) => sg.levels[column * sg.bands + band]!;
const loudestBand = (sg: { levels: Uint8Array; bands: number }, column: number) => {
  let best = 0;
  for (let b = 1; b < sg.bands; b++) if (level(sg, column, b) > level(sg, column, best)) best = b;
  return best;
};

describe('writeSpectrogramFile', () => {
  it('writes a header that reads back, 10 columns/s × 64 bands, 640 bytes per second of audio', async () => {
    await writeFile(f('tone.wav'), wavBytes(toneInSilence()));
    const info = await writeSpectrogramFile(f('tone.wav'), f('tone.sg'));
    expect(info).toEqual({ sampleRate: RATE, hopSamples: 1600, fftSize: 512, bands: 64, maxHz: 8000, count: 30, dbFloor: -120, dbTop: 0 });
    const bytes = await readFile(f('tone.sg'));
    expect(bytes.toString('latin1', 0, 4)).toBe('ALSG');
    expect(bytes.length).toBe(40 + 30 * 64);
    const sg = await readSpectrogramFile(f('tone.sg'));
    expect({ ...sg, levels: undefined }).toEqual({ ...info, levels: undefined });
    expect(sg.levels.length).toBe(30 * 64);
    expect(() => parseSpectrogram(bytes.subarray(0, 100), 'cut.sg')).toThrow(/not a valid spectrogram file \(truncated\)/);
    expect(() => parseSpectrogram(Buffer.from('ALPK' + 'x'.repeat(60)), 'peaks.bin')).toThrow(/bad header/);
  });

  it('puts a 1 kHz tone in the band holding 1 kHz, in the columns of its second, and silence at the floor', async () => {
    const sg = await readSpectrogramFile(f('tone.sg'));
    const edges = spectrogramBandEdges();
    const band = edges.findIndex((hz, b) => hz <= 1000 && edges[b + 1]! > 1000);
    expect(band).toBeGreaterThan(10);
    // columns 10–19 hold the tone (the frames of 11–18 lie wholly inside it)
    for (let c = 11; c <= 18; c++) {
      expect(loudestBand(sg, c)).toBe(band);
      // half scale: −6 dB, i.e. near the top of the −120 … 0 dB range
      expect(level(sg, c, band)).toBeGreaterThan(200);
      // far bands are far quieter (Hann sidelobes)
      expect(level(sg, c, 60)).toBeLessThan(level(sg, c, band) - 100);
    }
    // silence: exactly the floor, away from the tone's edges (a frame reaches 16 ms past its column)
    for (const c of [0, 1, 2, 3, 4, 5, 6, 7, 8, 21, 22, 25, 29]) {
      for (let b = 0; b < sg.bands; b++) expect(level(sg, c, b)).toBe(0);
    }
  });

  it('streams a long input in bounded memory (an hour of audio, same columns as a short one)', async () => {
    // one hour of a 440 Hz tone, written in pieces so the test itself stays small
    const file = f('hour.wav');
    const samples = 3600 * RATE;
    const header = Buffer.from(wavBytes(new Int16Array(0))).subarray(0, 44);
    header.writeUInt32LE(36 + samples * 2, 4);
    header.writeUInt32LE(samples * 2, 40);
    const out = createWriteStream(file);
    out.write(header);
    const piece = new Int16Array(RATE * 10);
    for (let i = 0; i < piece.length; i++) piece[i] = Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / RATE));
    for (let k = 0; k < 360; k++) out.write(Buffer.from(piece.buffer));
    await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));

    // heap and array buffers (Buffers, typed arrays) together: a writer holding the samples would show here
    const used = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
    const before = used();
    let peak = before;
    const timer = setInterval(() => (peak = Math.max(peak, used())), 5);
    const info = await writeSpectrogramFile(file, f('hour.sg'));
    clearInterval(timer);
    expect(info.count).toBe(36_000);
    expect((await readFile(f('hour.sg'))).length).toBe(40 + 36_000 * 64); // 2.3 MB for an hour
    // the audio is 115 MB; what the writer holds is a read chunk and an output buffer
    expect(peak - before).toBeLessThan(40 * 1024 * 1024);
    const sg = await readSpectrogramFile(f('hour.sg'));
    const edges = spectrogramBandEdges();
    const band = edges.findIndex((hz, b) => hz <= 440 && edges[b + 1]! > 440);
    for (const c of [1, 5000, 20_000, 35_998]) expect(loudestBand(sg, c)).toBe(band);
  }, 120_000);
});
