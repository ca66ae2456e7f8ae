import { streamWavSamples } from './wav-reader.ts';

export type ClippingScan = {
  /** Sample peak in dBFS (0 = full scale); −120 for digital silence or an empty file. */
  peakDb: number;
  /** Samples at the int16 rails (|s| ≥ 32767), counted per channel sample. */
  clippedSamples: number;
  /** clippedSamples / all samples; 0 for an empty file. */
  clippedRatio: number;
};

const SILENCE_DB = -120;

/** One streaming pass over a 16-bit PCM WAV: sample peak and how many samples sit at full scale. */
export async function scanClipping(wavPath: string): Promise<ClippingScan> {
  let peak = 0;
  let clipped = 0;
  let total = 0;
  for await (const chunk of streamWavSamples(wavPath)) {
    const n = chunk.length;
    for (let i = 0; i < n; i++) {
      const s = chunk[i]!;
      const a = s < 0 ? -s : s;
      if (a > peak) peak = a;
      if (a >= 32767) clipped++;
    }
    total += n;
  }
  return {
    peakDb: peak === 0 ? SILENCE_DB : 20 * Math.log10(peak / 32768),
    clippedSamples: clipped,
    clippedRatio: total === 0 ? 0 : clipped / total,
  };
}
