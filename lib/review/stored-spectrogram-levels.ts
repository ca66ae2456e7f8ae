// The overview spectrogram of a window of the chapter, from the low-resolution spectrogram stored at ingest
// (lib/align/parse-spectrogram.ts): one column of band levels (dB) per pixel, each the mean of the stored columns
// whose 100 ms fall in that pixel's time span (at least the one under its centre). Past the file's end: the floor.
import type { Spectrogram } from '../align/parse-spectrogram.ts';

/** width × bands dB levels, column-major (band 0 = lowest), for the window [start, end] seconds drawn `width` px wide. */
export function storedSpectrogramLevels(sg: Spectrogram, q: { start: number; end: number; width: number }): Float32Array {
  const width = Math.max(1, Math.floor(q.width));
  const { bands, count } = sg;
  const colSec = sg.hopSamples / sg.sampleRate;
  const step = Math.max(0, q.end - q.start) / width;
  const dbPerLevel = (sg.dbTop - sg.dbFloor) / 255;
  const out = new Float32Array(width * bands);
  for (let x = 0; x < width; x++) {
    const t0 = q.start + x * step;
    // the epsilon stops float noise (2.3 / 0.1 = 22.999999999999996) moving a pixel to the column before
    const centre = Math.floor((t0 + step / 2) / colSec + 1e-9);
    const first = Math.max(0, Math.min(centre, Math.floor(t0 / colSec + 1e-9)));
    const last = Math.min(count - 1, Math.max(centre, Math.ceil((t0 + step) / colSec - 1e-9) - 1));
    const o = x * bands;
    if (first > last || first >= count) {
      out.fill(sg.dbFloor, o, o + bands);
      continue;
    }
    for (let b = 0; b < bands; b++) {
      let sum = 0;
      for (let c = first; c <= last; c++) sum += sg.levels[c * bands + b]!;
      out[o + b] = sg.dbFloor + (sum / (last - first + 1)) * dbPerLevel;
    }
  }
  return out;
}
