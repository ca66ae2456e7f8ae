// Log-mel filterbank features in plain TypeScript (no tf ops: fast on every backend and testable exactly).
// 25 ms periodic Hann window, 10 ms hop, FFT 512 at 16 kHz, power spectrum, 80 triangular filters on the Slaney
// mel scale (librosa's default: linear below 1 kHz, logarithmic above) from 0 Hz to Nyquist with peak 1,
// log(mel + 1e-6). Frames are not centred: frame i covers samples [i·hop, i·hop + window).
import { AppError } from '../errors/app-error.ts';
import { Fft } from '../align/fft.ts';

export type LogMelOptions = {
  sampleRate?: number;
  /** Mel bins; default 80. */
  bins?: number;
  windowMs?: number;
  hopMs?: number;
  fftSize?: number;
  lowHz?: number;
  /** Default sampleRate / 2. */
  highHz?: number;
  /** Per-utterance mean/variance normalisation of each bin over time; default false. */
  normalize?: boolean;
};

export type LogMelFeatures = {
  /** frames × bins, time-major. */
  data: Float32Array;
  frames: number;
  bins: number;
};

export const LOG_MEL_FLOOR = 1e-6;

/** Slaney's mel scale (Auditory Toolbox; librosa htk=False). */
export function hzToMel(hz: number): number {
  const fSp = 200 / 3;
  const minLogHz = 1000;
  const minLogMel = minLogHz / fSp;
  const logStep = Math.log(6.4) / 27;
  return hz < minLogHz ? hz / fSp : minLogMel + Math.log(hz / minLogHz) / logStep;
}

export function melToHz(mel: number): number {
  const fSp = 200 / 3;
  const minLogMel = 1000 / fSp;
  const logStep = Math.log(6.4) / 27;
  return mel < minLogMel ? mel * fSp : 1000 * Math.exp(logStep * (mel - minLogMel));
}

type Setup = { fft: Fft; window: Float64Array; filters: { first: number; weights: Float64Array }[]; win: number; hop: number };
const SETUPS = new Map<string, Setup>();

function setup(sampleRate: number, bins: number, win: number, hop: number, fftSize: number, lowHz: number, highHz: number): Setup {
  const key = [sampleRate, bins, win, hop, fftSize, lowHz, highHz].join();
  const cached = SETUPS.get(key);
  if (cached) return cached;
  const window = new Float64Array(win);
  for (let n = 0; n < win; n++) window[n] = 0.5 - 0.5 * Math.cos((2 * Math.PI * n) / win);
  const lowMel = hzToMel(lowHz);
  const highMel = hzToMel(highHz);
  const edges: number[] = [];
  for (let m = 0; m < bins + 2; m++) edges.push(melToHz(lowMel + ((highMel - lowMel) * m) / (bins + 1)));
  const filters: Setup['filters'] = [];
  const nBins = fftSize / 2 + 1;
  for (let m = 0; m < bins; m++) {
    const lo = edges[m]!;
    const mid = edges[m + 1]!;
    const hi = edges[m + 2]!;
    const w: number[] = [];
    let first = -1;
    for (let k = 0; k < nBins; k++) {
      const f = (k * sampleRate) / fftSize;
      const v = Math.max(0, Math.min((f - lo) / (mid - lo), (hi - f) / (hi - mid)));
      if (v > 0) {
        if (first < 0) first = k;
        w[k - first] = v;
      } else if (first >= 0) break;
    }
    filters.push({ first: Math.max(first, 0), weights: Float64Array.from(w, (x) => x ?? 0) });
  }
  const s = { fft: new Fft(fftSize), window, filters, win, hop };
  SETUPS.set(key, s);
  return s;
}

/** Log-mel features of mono PCM (Int16Array scaled by 1/32768, or floats in [−1, 1]). */
export function logMel(samples: Int16Array | Float32Array, opts: LogMelOptions = {}): LogMelFeatures {
  const sampleRate = opts.sampleRate ?? 16_000;
  const bins = opts.bins ?? 80;
  const win = Math.round(((opts.windowMs ?? 25) * sampleRate) / 1000);
  const hop = Math.round(((opts.hopMs ?? 10) * sampleRate) / 1000);
  const fftSize = opts.fftSize ?? 512;
  const lowHz = opts.lowHz ?? 0;
  const highHz = opts.highHz ?? sampleRate / 2;
  if (win > fftSize) throw new AppError('INVALID_INPUT', `The window (${win} samples) is longer than the FFT (${fftSize}).`);
  if (!(highHz > lowHz) || highHz > sampleRate / 2) throw new AppError('INVALID_INPUT', `Mel range ${lowHz}–${highHz} Hz is invalid at ${sampleRate} Hz.`);
  const s = setup(sampleRate, bins, win, hop, fftSize, lowHz, highHz);
  const scale = samples instanceof Int16Array ? 1 / 32768 : 1;
  const frames = samples.length < win ? 0 : 1 + Math.floor((samples.length - win) / hop);
  const data = new Float32Array(frames * bins);
  const frame = new Float64Array(fftSize);
  const power = new Float64Array(fftSize / 2 + 1);
  for (let t = 0; t < frames; t++) {
    const start = t * hop;
    for (let n = 0; n < win; n++) frame[n] = samples[start + n]! * scale * s.window[n]!;
    s.fft.powerSpectrum(frame, power);
    for (let m = 0; m < bins; m++) {
      const { first, weights } = s.filters[m]!;
      let e = 0;
      for (let j = 0; j < weights.length; j++) e += weights[j]! * power[first + j]!;
      data[t * bins + m] = Math.log(e + LOG_MEL_FLOOR);
    }
  }
  if (opts.normalize) normalizeFeatures(data, frames, bins);
  return { data, frames, bins };
}

/** In place: each bin to zero mean and unit variance over the frames (std floored at 1e-5). */
export function normalizeFeatures(data: Float32Array, frames: number, bins: number): void {
  if (frames === 0) return;
  for (let m = 0; m < bins; m++) {
    let sum = 0;
    for (let t = 0; t < frames; t++) sum += data[t * bins + m]!;
    const mean = sum / frames;
    let sq = 0;
    for (let t = 0; t < frames; t++) sq += (data[t * bins + m]! - mean) ** 2;
    const std = Math.max(Math.sqrt(sq / frames), 1e-5);
    for (let t = 0; t < frames; t++) data[t * bins + m] = (data[t * bins + m]! - mean) / std;
  }
}
