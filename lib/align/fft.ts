import { AppError } from '../errors/app-error.ts';

/**
 * Iterative radix-2 Cooley–Tukey FFT of a fixed power-of-two size with precomputed twiddles and
 * bit-reversal table. `powerSpectrum` transforms a real frame of size n through one complex FFT of n/2
 * (the standard even/odd packing), which halves the work for MFCC frames.
 */
export class Fft {
  readonly size: number;
  private readonly cos: Float64Array;
  private readonly sin: Float64Array;
  private readonly rev: Uint32Array;
  // Helpers for the real transform: a half-size complex FFT plus buffers.
  private half: Fft | null = null;
  private hre: Float64Array | null = null;
  private him: Float64Array | null = null;

  constructor(size: number) {
    if (!Number.isInteger(size) || size < 1 || (size & (size - 1)) !== 0) {
      throw new AppError('INVALID_INPUT', `FFT size must be a power of two, got ${size}.`, { size });
    }
    this.size = size;
    const half = size >> 1;
    this.cos = new Float64Array(half);
    this.sin = new Float64Array(half);
    for (let k = 0; k < half; k++) {
      this.cos[k] = Math.cos((2 * Math.PI * k) / size);
      this.sin[k] = -Math.sin((2 * Math.PI * k) / size); // forward transform: e^{-2πik/n}
    }
    const bits = Math.log2(size);
    this.rev = new Uint32Array(size);
    for (let i = 0; i < size; i++) {
      let r = 0;
      for (let b = 0; b < bits; b++) r |= ((i >> b) & 1) << (bits - 1 - b);
      this.rev[i] = r;
    }
  }

  /** In-place forward DFT: X[k] = Σ x[t]·e^{-2πikt/n}. `re` and `im` must have length `size`. */
  transform(re: Float64Array, im: Float64Array): void {
    const n = this.size;
    const rev = this.rev;
    for (let i = 0; i < n; i++) {
      const j = rev[i]!;
      if (j > i) {
        const tr = re[i]!;
        re[i] = re[j]!;
        re[j] = tr;
        const ti = im[i]!;
        im[i] = im[j]!;
        im[j] = ti;
      }
    }
    // Stages 1 and 2 (twiddles 1 and −i) without multiplications.
    if (n >= 2) {
      for (let a = 0; a < n; a += 2) {
        const xr = re[a + 1]!;
        const xi = im[a + 1]!;
        re[a + 1] = re[a]! - xr;
        im[a + 1] = im[a]! - xi;
        re[a] = re[a]! + xr;
        im[a] = im[a]! + xi;
      }
    }
    if (n >= 4) {
      for (let a = 0; a < n; a += 4) {
        let xr = re[a + 2]!;
        let xi = im[a + 2]!;
        re[a + 2] = re[a]! - xr;
        im[a + 2] = im[a]! - xi;
        re[a] = re[a]! + xr;
        im[a] = im[a]! + xi;
        // w = −i: (xr + i·xi)(−i) = xi − i·xr
        xr = im[a + 3]!;
        xi = -re[a + 3]!;
        re[a + 3] = re[a + 1]! - xr;
        im[a + 3] = im[a + 1]! - xi;
        re[a + 1] = re[a + 1]! + xr;
        im[a + 1] = im[a + 1]! + xi;
      }
    }
    const cos = this.cos;
    const sin = this.sin;
    for (let len = 8; len <= n; len <<= 1) {
      const halfLen = len >> 1;
      const step = n / len;
      // Twiddle outside, butterflies inside: each twiddle is loaded once per stage.
      for (let k = 0; k < halfLen; k++) {
        const wr = cos[k * step]!;
        const wi = sin[k * step]!;
        for (let a = k; a < n; a += len) {
          const b = a + halfLen;
          const br = re[b]!;
          const bi = im[b]!;
          const xr = br * wr - bi * wi;
          const xi = br * wi + bi * wr;
          const ar = re[a]!;
          const ai = im[a]!;
          re[b] = ar - xr;
          im[b] = ai - xi;
          re[a] = ar + xr;
          im[a] = ai + xi;
        }
      }
    }
  }

  /**
   * |X[k]|² for k = 0..n/2 of the real signal `x` (length `size`, not modified) into `out` (length n/2 + 1).
   */
  powerSpectrum(x: Float64Array, out: Float64Array): void {
    if (this.size === 1) {
      out[0] = x[0]! * x[0]!;
      return;
    }
    this.windowedPowerSpectrum(x, 0, this.size, null, out);
  }

  /**
   * powerSpectrum of the frame x[t] = src[offset + t]·window[t] for t < `have`, 0 after (a frame cut from a longer
   * signal, windowed and zero-padded to `size`), without building the frame: the same numbers. `window` null: 1.
   */
  windowedPowerSpectrum(src: Float64Array, offset: number, have: number, window: Float64Array | null, out: Float64Array): void {
    const n = this.size;
    if (n < 2) throw new AppError('INVALID_INPUT', 'windowedPowerSpectrum needs an FFT size of at least 2.');
    if (have > n) throw new AppError('INVALID_INPUT', `A frame of ${have} samples does not fit an FFT of ${n}.`);
    const h = n >> 1;
    if (!this.half) {
      this.half = new Fft(h);
      this.hre = new Float64Array(h);
      this.him = new Float64Array(h);
    }
    const zr = this.hre!;
    const zi = this.him!;
    // even samples to the real part, odd to the imaginary part of a half-size complex signal
    const pairs = have >> 1;
    if (window) {
      for (let i = 0; i < pairs; i++) {
        const t = 2 * i;
        zr[i] = src[offset + t]! * window[t]!;
        zi[i] = src[offset + t + 1]! * window[t + 1]!;
      }
    } else {
      for (let i = 0; i < pairs; i++) {
        zr[i] = src[offset + 2 * i]!;
        zi[i] = src[offset + 2 * i + 1]!;
      }
    }
    let from = pairs;
    if (have & 1) {
      zr[pairs] = window ? src[offset + have - 1]! * window[have - 1]! : src[offset + have - 1]!;
      zi[pairs] = 0;
      from++;
    }
    zr.fill(0, from);
    zi.fill(0, from);
    this.half.transform(zr, zi);
    // X[k] = E[k] + W^k·O[k], with E[k] = (Z[k] + conj Z[h-k]) / 2 and O[k] = (Z[k] − conj Z[h-k]) / 2i.
    out[0] = (zr[0]! + zi[0]!) ** 2;
    out[h] = (zr[0]! - zi[0]!) ** 2;
    const cos = this.cos;
    const sin = this.sin;
    for (let k = 1; k < h; k++) {
      const ar = zr[k]!;
      const ai = zi[k]!;
      const br = zr[h - k]!;
      const bi = -zi[h - k]!;
      const er = (ar + br) / 2;
      const ei = (ai + bi) / 2;
      // (a − b) / 2i = (ai − bi)/2 − i·(ar − br)/2
      const or = (ai - bi) / 2;
      const oi = -(ar - br) / 2;
      const wr = cos[k]!;
      const wi = sin[k]!;
      const xr = er + or * wr - oi * wi;
      const xi = ei + or * wi + oi * wr;
      out[k] = xr * xr + xi * xi;
    }
  }
}
