// Peaks arrive from the server as interleaved [min, max] pairs per bucket (see lib/audio/peaks-file.ts). The
// editor fetches the whole chapter once at a coarse resolution (≤ MAX_PEAKS buckets) and, when zoomed in past it,
// 10 ms buckets for the visible window, spliced into one full-length array at the fine resolution.

/** The peaks file's base resolution: 160 samples at 16 kHz = 10 ms. */
export const FINE_SAMPLES_PER_PEAK = 160;
const SAMPLE_RATE = 16_000;
/** Buckets fetched for the whole chapter (1 h at 40 ms = 90 000). */
export const MAX_PEAKS = 100_000;

/** The coarsest resolution is a multiple of the base one that keeps a chapter under MAX_PEAKS buckets. */
export function coarseSamplesPerPeak(durationSec: number): number {
  const buckets = Math.ceil((durationSec * SAMPLE_RATE) / FINE_SAMPLES_PER_PEAK);
  return FINE_SAMPLES_PER_PEAK * Math.max(1, Math.ceil(buckets / MAX_PEAKS));
}

/** A full-length fine array with each coarse pair repeated over the fine buckets it covers. */
export function buildFinePeaks(coarse: readonly number[], coarseSpp: number, durationSec: number): Float32Array {
  const factor = Math.round(coarseSpp / FINE_SAMPLES_PER_PEAK);
  const buckets = Math.ceil((durationSec * SAMPLE_RATE) / FINE_SAMPLES_PER_PEAK);
  const out = new Float32Array(buckets * 2);
  for (let i = 0; i < buckets; i++) {
    const c = Math.min(Math.floor(i / factor), coarse.length / 2 - 1);
    out[2 * i] = coarse[2 * c] ?? 0;
    out[2 * i + 1] = coarse[2 * c + 1] ?? 0;
  }
  return out;
}

/** Copies fine pairs starting at `startSec` into `fine` (in place). */
export function splicePeaks(fine: Float32Array, startSec: number, pairs: readonly number[]): void {
  const first = Math.round((startSec * SAMPLE_RATE) / FINE_SAMPLES_PER_PEAK) * 2;
  const n = Math.min(pairs.length, fine.length - first);
  for (let i = 0; i < n; i++) fine[first + i] = pairs[i] ?? 0;
}
