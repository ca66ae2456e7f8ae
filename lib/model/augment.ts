// Data augmentation for training: SpecAugment masks on log-mel features (Park et al. 2019, without time warping)
// and additive white or pink noise on the waveform at a random SNR. Both take a seeded RNG.
import type { SeededRandom } from './seeded-random.ts';

export type SpecAugmentOptions = {
  /** Number of frequency masks; default 2. */
  freqMasks?: number;
  /** Maximum width F of a frequency mask (bins); width ~ U{0..F}; default 27 (LibriSpeech "LD" policy). */
  freqMaskWidth?: number;
  /** Number of time masks; default 2. */
  timeMasks?: number;
  /** Maximum width T of a time mask (frames); default 40. */
  timeMaskWidth?: number;
  /** Upper bound p on a time mask's width as a fraction of the utterance's frames; default 0.2. */
  timeMaskFraction?: number;
  /** Value written into masked cells; default 0 (the mean of normalised features). */
  value?: number;
};

export type AppliedMask = { axis: 'time' | 'freq'; start: number; width: number };

/**
 * Returns a masked copy of `data` (frames × bins, time-major) and the masks applied. Masks may overlap, and a
 * mask of width 0 is a no-op (as in the paper).
 */
export function specAugment(
  data: Float32Array,
  frames: number,
  bins: number,
  rng: SeededRandom,
  opts: SpecAugmentOptions = {},
): { data: Float32Array; masks: AppliedMask[] } {
  const out = Float32Array.from(data);
  const value = opts.value ?? 0;
  const masks: AppliedMask[] = [];
  const maxF = Math.min(opts.freqMaskWidth ?? 27, bins);
  for (let i = 0; i < (opts.freqMasks ?? 2); i++) {
    const width = rng.int(maxF + 1);
    const start = rng.int(bins - width + 1);
    masks.push({ axis: 'freq', start, width });
    for (let t = 0; t < frames; t++) out.fill(value, t * bins + start, t * bins + start + width);
  }
  const maxT = Math.min(opts.timeMaskWidth ?? 40, Math.floor((opts.timeMaskFraction ?? 0.2) * frames));
  for (let i = 0; i < (opts.timeMasks ?? 2); i++) {
    const width = rng.int(maxT + 1);
    const start = rng.int(frames - width + 1);
    masks.push({ axis: 'time', start, width });
    out.fill(value, start * bins, (start + width) * bins);
  }
  return { data: out, masks };
}

export type NoiseOptions = {
  /** SNR drawn uniformly from [min, max] dB; defaults 5 and 30. */
  snrDbMin?: number;
  snrDbMax?: number;
  /** 'mixed' picks white or pink with equal probability; default 'mixed'. */
  color?: 'white' | 'pink' | 'mixed';
};

/**
 * `samples` (floats) plus noise scaled so that 10·log10(P_signal / P_noise) equals the drawn SNR exactly (powers
 * as mean squares over the whole utterance). Silence (zero power) stays silent.
 */
export function addNoise(
  samples: Float32Array,
  rng: SeededRandom,
  opts: NoiseOptions = {},
): { samples: Float32Array; snrDb: number; color: 'white' | 'pink' } {
  const lo = opts.snrDbMin ?? 5;
  const hi = opts.snrDbMax ?? 30;
  const snrDb = lo + (hi - lo) * rng.next();
  const color = opts.color === 'white' || opts.color === 'pink' ? opts.color : rng.next() < 0.5 ? 'white' : 'pink';
  const n = samples.length;
  const noise = new Float64Array(n);
  if (color === 'white') {
    for (let i = 0; i < n; i++) noise[i] = rng.normal();
  } else {
    // Paul Kellet's economy pink filter (−3 dB/octave within ±0.5 dB above ~10 Hz at 16 kHz … 44.1 kHz).
    let b0 = 0;
    let b1 = 0;
    let b2 = 0;
    for (let i = 0; i < n; i++) {
      const w = rng.normal();
      b0 = 0.99765 * b0 + w * 0.099046;
      b1 = 0.963 * b1 + w * 0.2965164;
      b2 = 0.57 * b2 + w * 1.0526913;
      noise[i] = b0 + b1 + b2 + w * 0.1848;
    }
  }
  let ps = 0;
  let pn = 0;
  for (let i = 0; i < n; i++) {
    ps += samples[i]! * samples[i]!;
    pn += noise[i]! * noise[i]!;
  }
  const out = Float32Array.from(samples);
  if (ps === 0 || pn === 0) return { samples: out, snrDb, color };
  const gain = Math.sqrt(ps / pn / 10 ** (snrDb / 10));
  for (let i = 0; i < n; i++) out[i] = samples[i]! + gain * noise[i]!;
  return { samples: out, snrDb, color };
}
