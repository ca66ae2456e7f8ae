import { describe, expect, it } from 'vitest';
import type { Spectrogram } from '../align/parse-spectrogram.ts';
import { storedSpectrogramLevels } from './stored-spectrogram-levels.ts';

/** 100 columns (10 s) of 4 bands: band b of column c at level c (so a column's levels say where it came from). */
function stored(): Spectrogram {
  const levels = new Uint8Array(100 * 4);
  for (let c = 0; c < 100; c++) for (let b = 0; b < 4; b++) levels[c * 4 + b] = b === 3 ? 255 : c;
  return { sampleRate: 16_000, hopSamples: 1600, fftSize: 512, bands: 4, maxHz: 8000, count: 100, dbFloor: -120, dbTop: 0, levels };
}
const db = (level: number) => -120 + (level * 120) / 255;

describe('storedSpectrogramLevels', () => {
  it('maps each pixel to the stored columns of its time span, averaged, in dB', () => {
    // the whole 10 s in 10 px: pixel x averages columns 10x … 10x + 9
    const out = storedSpectrogramLevels(stored(), { start: 0, end: 10, width: 10 });
    expect(out.length).toBe(40);
    for (let x = 0; x < 10; x++) {
      expect(out[x * 4]).toBeCloseTo(db(10 * x + 4.5), 4);
      expect(out[x * 4 + 3]).toBeCloseTo(0, 4);
    }
  });

  it('zoomed in further than the stored resolution, repeats the column under each pixel; past the end, the floor', () => {
    // 2 s … 3 s in 20 px: 2 px per stored column; then 9.5 s … 11.5 s: half past the file's end
    const near = storedSpectrogramLevels(stored(), { start: 2, end: 3, width: 20 });
    expect(Array.from({ length: 20 }, (_, x) => Math.round(((near[x * 4]! + 120) * 255) / 120))).toEqual(
      Array.from({ length: 20 }, (_, x) => 20 + Math.floor(x / 2)),
    );
    const tail = storedSpectrogramLevels(stored(), { start: 9.5, end: 11.5, width: 4 });
    expect(tail[0]).toBeCloseTo(db(97), 4);
    expect(Array.from(tail.subarray(8))).toEqual(new Array(8).fill(-120));
  });
});
