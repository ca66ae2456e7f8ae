import { AppError } from '../errors/app-error.ts';
import { openWav, streamWavSamples } from '../audio/wav-reader.ts';
import { Fft } from './fft.ts';

export type MfccOptions = {
  /** Analysis window in seconds (Hamming); default 0.100 (aeneas). */
  windowSec?: number;
  /** Hop between frames in seconds; default 0.040 (aeneas). */
  shiftSec?: number;
  /**
   * FFT size; default the next power of two ≥ the window (2048 at 16 kHz). Must not be smaller than the window.
   * aeneas passes FFT 512 with a 1600-sample window and its rfft reads only the first 512 samples of each
   * windowed frame (a lopsided 32 ms slice of the Hamming ramp); we analyse the whole window instead.
   */
  fftSize?: number;
  /** y[t] = x[t] − k·x[t−1] over the continuous signal (aeneas restarts it per frame); default 0.97. */
  preEmphasis?: number;
  /** Mel filters; default 40. */
  filters?: number;
  /** Lowest and highest filter edge in Hz; defaults 133.3333 and 6855.4976 (aeneas, after Sphinx). */
  lowHz?: number;
  highHz?: number;
  /** Cepstral coefficients kept, c0 included; default 13. */
  coeffs?: number;
  /**
   * Deterministic noise of this many 16-bit LSBs (triangular) added before analysis, as Kaldi's `dither`,
   * so digital silence gets a defined spectrum instead of a constant floor; default 0.
   */
  dither?: number;
};

/** Frames × coefficients, row-major. Frame i is centred on t = i·shiftSec (the signal is zero-padded). */
export type Mfcc = {
  frames: number;
  coeffs: number;
  shiftSec: number;
  data: Float32Array;
};

const LOG_FLOOR = 1e-10;

// Triangular (TPDF) dither, precomputed once: a fixed 4 s loop of noise is plenty to fill digital silence.
const DITHER_TABLE = 1 << 16;
let dither: Float32Array | null = null;
function ditherTable(): Float32Array {
  if (dither) return dither;
  let s = 0x9e3779b9;
  const next = (): number => {
    // mulberry32
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  dither = Float32Array.from({ length: DITHER_TABLE }, () => next() - next());
  return dither;
}

type Resolved = Required<MfccOptions> & { win: number; shift: number };

function resolve(sampleRate: number, opts: MfccOptions): Resolved {
  const windowSec = opts.windowSec ?? 0.1;
  const shiftSec = opts.shiftSec ?? 0.04;
  const win = Math.round(windowSec * sampleRate);
  const shift = Math.round(shiftSec * sampleRate);
  const fftSize = opts.fftSize ?? 2 ** Math.ceil(Math.log2(Math.max(2, win)));
  const highHz = opts.highHz ?? 6855.4976;
  const r: Resolved = {
    windowSec,
    shiftSec,
    fftSize,
    preEmphasis: opts.preEmphasis ?? 0.97,
    filters: opts.filters ?? 40,
    lowHz: opts.lowHz ?? 133.3333,
    highHz,
    coeffs: opts.coeffs ?? 13,
    dither: opts.dither ?? 0,
    win,
    shift,
  };
  if (!(sampleRate > 0) || win < 2 || shift < 1) {
    throw new AppError('INVALID_INPUT', `MFCC window/shift too short for ${sampleRate} Hz audio.`, { sampleRate });
  }
  if (fftSize < win) {
    throw new AppError('INVALID_INPUT', `fftSize ${fftSize} is smaller than the ${win}-sample window; use ≥ ${win}.`);
  }
  if (highHz > sampleRate / 2 || r.lowHz < 0 || r.lowHz >= highHz) {
    throw new AppError('INVALID_INPUT', `Mel range ${r.lowHz}–${highHz} Hz does not fit ${sampleRate} Hz audio.`);
  }
  if (r.coeffs > r.filters) throw new AppError('INVALID_INPUT', 'coeffs must not exceed filters.');
  return r;
}

const hzToMel = (f: number): number => 2595 * Math.log10(1 + f / 700);
const melToHz = (m: number): number => 700 * (10 ** (m / 2595) - 1);

/**
 * Triangular mel filters (unit peak, HTK style) evaluated at the FFT bin frequencies, stored sparse:
 * filter j covers bins first[j] .. first[j] + weights[j].length − 1.
 */
export function melFilterBank(
  sampleRate: number,
  fftSize: number,
  filters: number,
  lowHz: number,
  highHz: number,
): { first: number[]; weights: Float64Array[] } {
  const melLo = hzToMel(lowHz);
  const melHi = hzToMel(highHz);
  const edges = Array.from({ length: filters + 2 }, (_, k) => melToHz(melLo + ((melHi - melLo) * k) / (filters + 1)));
  const binHz = sampleRate / fftSize;
  const first: number[] = [];
  const weights: Float64Array[] = [];
  for (let j = 0; j < filters; j++) {
    const l = edges[j]!;
    const c = edges[j + 1]!;
    const r = edges[j + 2]!;
    const b0 = Math.ceil(l / binHz);
    const b1 = Math.floor(r / binHz);
    const w: number[] = [];
    for (let b = b0; b <= b1; b++) {
      const f = b * binHz;
      w.push(Math.max(0, f <= c ? (f - l) / (c - l) : (r - f) / (r - c)));
    }
    first.push(b0);
    weights.push(Float64Array.from(w));
  }
  return { first, weights };
}

/** Orthonormal DCT-II matrix, rows k = 0..coeffs−1: sqrt(2/N)·cos(πk(j+½)/N), row 0 scaled by 1/√2. */
function dctMatrix(coeffs: number, n: number): Float64Array {
  const m = new Float64Array(coeffs * n);
  for (let k = 0; k < coeffs; k++) {
    const scale = k === 0 ? Math.sqrt(1 / n) : Math.sqrt(2 / n);
    for (let j = 0; j < n; j++) m[k * n + j] = scale * Math.cos((Math.PI * k * (j + 0.5)) / n);
  }
  return m;
}

/**
 * Streaming MFCC: push samples in any chunking, get the same frames as one call over the whole signal.
 * Memory: one window of samples plus the output (frames × coeffs floats).
 */
export class MfccExtractor {
  readonly sampleRate: number;
  readonly options: Readonly<Resolved>;
  private readonly fft: Fft;
  private readonly hamming: Float64Array;
  private readonly bank: { first: number[]; weights: Float64Array[] };
  private readonly dct: Float64Array;
  private readonly power: Float64Array;
  private readonly logMel: Float64Array;
  // Pre-emphasised samples; buf[0] is absolute sample bufStart (may be negative: left zero padding).
  private buf: Float64Array;
  private bufLen = 0;
  private bufStart: number;
  private prev = 0;
  private total = 0;
  private ditherAt = 0;
  private out: Float32Array;
  private frames = 0;
  private finished = false;

  constructor(sampleRate: number, opts: MfccOptions = {}, expectedSamples?: number) {
    this.sampleRate = sampleRate;
    const o = resolve(sampleRate, opts);
    this.options = o;
    this.fft = new Fft(o.fftSize);
    this.hamming = Float64Array.from({ length: o.win }, (_, k) => 0.54 - 0.46 * Math.cos((2 * Math.PI * k) / (o.win - 1)));
    this.bank = melFilterBank(sampleRate, o.fftSize, o.filters, o.lowHz, o.highHz);
    this.dct = dctMatrix(o.coeffs, o.filters);
    this.power = new Float64Array(o.fftSize / 2 + 1);
    this.logMel = new Float64Array(o.filters);
    const half = Math.floor(o.win / 2);
    this.bufStart = -half;
    this.buf = new Float64Array(o.win + 65_536);
    this.bufLen = half; // zeros: the first frame is centred on sample 0
    const expectedFrames = expectedSamples !== undefined ? Math.ceil(expectedSamples / o.shift) : 1024;
    this.out = new Float32Array(Math.max(1, expectedFrames) * o.coeffs);
  }


  /** Samples as Int16 (scaled by 1/32768) or floats in [−1, 1]. */
  push(samples: Int16Array | Float32Array | Float64Array): void {
    if (this.finished) throw new Error('MfccExtractor: push after finish');
    const n = samples.length;
    if (this.bufLen + n > this.buf.length) {
      const grown = new Float64Array(Math.max(this.buf.length * 2, this.bufLen + n));
      grown.set(this.buf.subarray(0, this.bufLen));
      this.buf = grown;
    }
    const scale = samples instanceof Int16Array ? 1 / 32768 : 1;
    const k = this.options.preEmphasis;
    const dither = this.options.dither / 32768;
    let prev = this.prev;
    const buf = this.buf;
    let w = this.bufLen;
    if (dither > 0) {
      const table = ditherTable();
      let d = this.ditherAt;
      for (let i = 0; i < n; i++) {
        const x = samples[i]! * scale + dither * table[d]!;
        d = (d + 1) & (DITHER_TABLE - 1);
        buf[w++] = x - k * prev;
        prev = x;
      }
      this.ditherAt = d;
    } else {
      for (let i = 0; i < n; i++) {
        const x = samples[i]! * scale;
        buf[w++] = x - k * prev;
        prev = x;
      }
    }
    this.prev = prev;
    this.bufLen = w;
    this.total += n;
    this.drain(false);
  }

  /** Emits the remaining frames (zero-padded at the end) and returns the matrix. */
  finish(): Mfcc {
    if (!this.finished) {
      this.finished = true;
      this.drain(true);
    }
    const c = this.options.coeffs;
    return { frames: this.frames, coeffs: c, shiftSec: this.options.shift / this.sampleRate, data: this.out.subarray(0, this.frames * c) };
  }

  private drain(final: boolean): void {
    const { win, shift } = this.options;
    const half = Math.floor(win / 2);
    const totalFrames = Math.ceil(this.total / shift);
    for (;;) {
      const start = this.frames * shift - half; // absolute index of the window's first sample
      const end = start + win;
      const available = this.bufStart + this.bufLen;
      if (final ? this.frames >= totalFrames : end > available) break;
      this.computeFrame(start - this.bufStart, Math.min(win, available - start));
    }
    // Drop samples no later frame needs.
    const nextStart = this.frames * shift - half;
    const drop = Math.min(this.bufLen, Math.max(0, nextStart - this.bufStart));
    if (drop > 0) {
      this.buf.copyWithin(0, drop, this.bufLen);
      this.bufLen -= drop;
      this.bufStart += drop;
    }
  }

  private computeFrame(offset: number, have: number): void {
    const { coeffs, filters } = this.options;
    this.fft.windowedPowerSpectrum(this.buf, offset, have, this.hamming, this.power);
    const power = this.power;
    const { first, weights } = this.bank;
    for (let j = 0; j < filters; j++) {
      const w = weights[j]!;
      const b0 = first[j]!;
      let acc = 0;
      for (let b = 0; b < w.length; b++) acc += w[b]! * power[b0 + b]!;
      this.logMel[j] = Math.log(Math.max(acc, LOG_FLOOR));
    }
    if ((this.frames + 1) * coeffs > this.out.length) {
      const grown = new Float32Array(this.out.length * 2);
      grown.set(this.out);
      this.out = grown;
    }
    const base = this.frames * coeffs;
    const dct = this.dct;
    for (let k = 0; k < coeffs; k++) {
      let acc = 0;
      const row = k * filters;
      for (let j = 0; j < filters; j++) acc += dct[row + j]! * this.logMel[j]!;
      this.out[base + k] = acc;
    }
    this.frames++;
  }
}

/** MFCCs of a whole in-memory signal (Int16 samples or floats in [−1, 1]). */
export function computeMfcc(samples: Float32Array | Int16Array, sampleRate: number, opts: MfccOptions = {}): Mfcc {
  const ex = new MfccExtractor(sampleRate, opts, samples.length);
  ex.push(samples);
  return ex.finish();
}

export type MfccFromWavOptions = MfccOptions & {
  /** Sees every chunk of samples as it streams past (e.g. to compute frame energies in the same pass). */
  onChunk?: (samples: Int16Array) => void;
  /** Only this part of the file, in seconds (frame 0 is centred on `startSec`). */
  startSec?: number;
  endSec?: number;
  signal?: AbortSignal;
};

/** MFCCs of a mono 16-bit WAV, read in chunks: memory is the output plus one chunk, whatever the length. */
export async function mfccFromWav(file: string, opts: MfccFromWavOptions = {}): Promise<Mfcc & { sampleRate: number; samples: number }> {
  const info = await openWav(file);
  if (info.channels !== 1) {
    throw new AppError('UNSUPPORTED_MEDIA', 'MFCC needs mono audio; convert it with convertToPcm first.', {
      channels: info.channels,
    });
  }
  const start = Math.max(0, Math.min(info.samples, Math.round((opts.startSec ?? 0) * info.sampleRate)));
  const end = Math.max(start, Math.min(info.samples, Math.round((opts.endSec ?? Infinity) * info.sampleRate)));
  const ex = new MfccExtractor(info.sampleRate, opts, end - start);
  for await (const chunk of streamWavSamples(file, { start, end, chunkSamples: 1 << 16 })) {
    opts.signal?.throwIfAborted();
    opts.onChunk?.(chunk);
    ex.push(chunk);
  }
  return { ...ex.finish(), sampleRate: info.sampleRate, samples: end - start };
}
