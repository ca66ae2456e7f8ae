import { slidingPercentiles } from './sliding-percentiles.ts';

/** Loudness of consecutive frames (10 ms by default) in dB re full scale, computed while audio streams past. */
export class EnergyMeter {
  readonly frameSamples: number;
  readonly frameSec: number;
  private out: Float32Array;
  private frames = 0;
  private acc = 0;
  private inFrame = 0;

  constructor(sampleRate: number, frameSec = 0.01, expectedSamples?: number) {
    this.frameSamples = Math.max(1, Math.round(sampleRate * frameSec));
    this.frameSec = this.frameSamples / sampleRate;
    this.out = new Float32Array(Math.max(16, Math.ceil((expectedSamples ?? 0) / this.frameSamples) + 1));
  }

  push(samples: Int16Array): void {
    const fs = this.frameSamples;
    let acc = this.acc;
    let k = this.inFrame;
    for (let i = 0; i < samples.length; i++) {
      const v = samples[i]! / 32768;
      acc += v * v;
      if (++k === fs) {
        this.emit(acc / fs);
        acc = 0;
        k = 0;
      }
    }
    this.acc = acc;
    this.inFrame = k;
  }

  finish(): Float32Array {
    if (this.inFrame > 0) this.emit(this.acc / this.inFrame);
    this.inFrame = 0;
    this.acc = 0;
    return this.out.subarray(0, this.frames);
  }

  private emit(meanSquare: number): void {
    if (this.frames === this.out.length) {
      const grown = new Float32Array(this.out.length * 2);
      grown.set(this.out);
      this.out = grown;
    }
    this.out[this.frames++] = 10 * Math.log10(meanSquare + 1e-12);
  }
}

export type Pause = { begin: number; end: number };

export type DetectPausesOptions = {
  /** Shortest stretch of non-speech that counts as a pause; default 0.15 s. */
  minPauseSec?: number;
  /** Speech bursts shorter than this inside non-speech (clicks, breaths) are ignored; default 0.04 s. */
  minSpeechSec?: number;
  /** Percentiles of the frame levels taken as noise floor and speech level; defaults 10 and 90. */
  floorPercentile?: number;
  speechPercentile?: number;
  /** Threshold = floor + max(minMarginDb, marginShare × (speech − floor)); defaults 6 dB and 0.3. */
  minMarginDb?: number;
  marginShare?: number;
  /** Quiet runs longer than this are searched for soft speech inside (see detectPauses); default 0.8 s. */
  splitLongerThanSec?: number;
  /** … standing this far over the run's own 20th percentile; default 3 dB (0 disables). */
  innerMarginDb?: number;
  /**
   * A frame this far below the loudest frame within ±localWindowSec is quiet too, whatever the file's threshold:
   * in a reverberant room the tail of a word fills a short pause well above the file's noise floor, but it still
   * lies far below the speech around it. Default 22 dB (0 disables).
   */
  localDropDb?: number;
  /** Half-width of the window for localDropDb; default 0.5 s. */
  localWindowSec?: number;
  /**
   * Take the floor and speech percentiles over ±this many seconds around each moment instead of over the whole
   * file, so that a stretch with a higher noise floor (a fan, traffic, another recording session, a louder
   * reader) gets a threshold of its own; default 0: the whole file's. A file no longer than the window
   * (2 × levelWindowSec) gets the whole file's either way.
   */
  levelWindowSec?: number;
};

export type PauseMap = {
  pauses: Pause[];
  /** Weaker candidates: stretches far below the speech around them (localDropDb) that touch no pause. */
  softPauses: Pause[];
  /** The whole file's threshold (with levelWindowSec, each moment had its own). */
  thresholdDb: number;
  /** Whether time t (s) is in speech (not inside any detected pause). */
  inSpeech: (t: number) => boolean;
};

/** Value at percentile p (0–100) of the levels, from a 0.1 dB histogram: O(n), no sort of millions of frames. */
function percentile(db: Float32Array, p: number): number {
  const LO = -130;
  const BINS = 1400; // −130 … +10 dB
  const hist = new Uint32Array(BINS);
  for (let i = 0; i < db.length; i++) {
    const b = Math.min(BINS - 1, Math.max(0, Math.floor((db[i]! - LO) * 10)));
    hist[b]!++;
  }
  const target = (p / 100) * db.length;
  let seen = 0;
  for (let b = 0; b < BINS; b++) {
    seen += hist[b]!;
    if (seen >= target) return LO + b / 10;
  }
  return LO + BINS / 10;
}

/** Maximum of db over [f − half, f + half] for every frame f (monotonic deque, O(n)). */
export function slidingMax(db: Float32Array, half: number): Float32Array {
  const n = db.length;
  const out = new Float32Array(n);
  const dq = new Int32Array(n);
  let head = 0;
  let tail = 0;
  let next = 0; // next frame to enter the window
  for (let f = 0; f < n; f++) {
    const hi = Math.min(n - 1, f + half);
    for (; next <= hi; next++) {
      while (tail > head && db[dq[tail - 1]!]! <= db[next]!) tail--;
      dq[tail++] = next;
    }
    while (dq[head]! < f - half) head++;
    out[f] = db[dq[head]!]!;
  }
  return out;
}

/**
 * Simple energy VAD: frames below an adaptive threshold (set from the file's own noise floor and speech
 * level percentiles) are non-speech; runs of at least `minPauseSec` are pauses.
 */
export function detectPauses(db: Float32Array, frameSec: number, opts: DetectPausesOptions = {}): PauseMap {
  const floorP = opts.floorPercentile ?? 10;
  const speechP = opts.speechPercentile ?? 90;
  const thresholdOf = (floor: number, speech: number): number => floor + Math.max(opts.minMarginDb ?? 6, (opts.marginShare ?? 0.3) * (speech - floor));
  const thresholdDb = thresholdOf(percentile(db, floorP), percentile(db, speechP));
  const half = Math.round((opts.levelWindowSec ?? 0) / frameSec);
  let quiet = (f: number): boolean => db[f]! < thresholdDb;
  if (half > 0 && db.length > 2 * half + 1) {
    const [floor, speech] = slidingPercentiles(db, half, [floorP, speechP]);
    const local = floor!.map((v, f) => thresholdOf(v, speech![f]!));
    quiet = (f) => db[f]! < local[f]!;
  }

  const pauses = quietRuns(db, frameSec, quiet, opts).map(([a, b]) => ({ begin: a * frameSec, end: b * frameSec }));
  // Soft pauses: runs quiet against the speech around them but not against the file's threshold, kept only where
  // they touch no pause found above (a reverberant tail, not the low stretch of a band-limited vowel beside a pause).
  const dropDb = opts.localDropDb ?? 22;
  const softPauses: Pause[] = [];
  if (dropDb > 0) {
    const localMax = slidingMax(db, Math.round((opts.localWindowSec ?? 0.5) / frameSec));
    let k = 0;
    for (const [a, b] of quietRuns(db, frameSec, (f) => quiet(f) || db[f]! < localMax[f]! - dropDb, opts)) {
      const begin = a * frameSec;
      const end = b * frameSec;
      while (k < pauses.length && pauses[k]!.end < begin) k++;
      if (k < pauses.length && pauses[k]!.begin <= end) continue;
      softPauses.push({ begin, end });
    }
  }
  const inSpeech = (t: number): boolean => {
    // Binary search for the last pause beginning at or before t.
    let lo = 0;
    let hi = pauses.length - 1;
    let k = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (pauses[mid]!.begin <= t) {
        k = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return !(k >= 0 && t <= pauses[k]!.end);
  };
  return { pauses, softPauses, thresholdDb, inSpeech };
}

/** Runs [a, b) of frames (at least minPauseSec) where `quiet` holds; see detectPauses. */
function quietRuns(db: Float32Array, frameSec: number, quiet: (f: number) => boolean, opts: DetectPausesOptions): [number, number][] {
  const minPause = Math.max(1, Math.round((opts.minPauseSec ?? 0.15) / frameSec));
  const minSpeech = Math.max(1, Math.round((opts.minSpeechSec ?? 0.04) / frameSec));
  const n = db.length;
  // Runs of quiet frames, merging across speech bursts shorter than minSpeech.
  const runs: [number, number][] = [];
  let i = 0;
  while (i < n) {
    if (!quiet(i)) {
      i++;
      continue;
    }
    let j = i;
    while (j < n && quiet(j)) j++;
    const last = runs[runs.length - 1];
    if (last && i - last[1] < minSpeech) last[1] = j;
    else runs.push([i, j]);
    i = j;
  }
  // A long quiet run may hide soft speech under a high noise floor (10 dB SNR: "en un lugar aireado" 3–5 dB over
  // the noise, one 2.2 s "pause" over a comma pause, the words and the pause after them). Inside runs longer than
  // splitLongerThanSec, stretches of at least 150 ms standing innerMarginDb over the run's own 20th percentile
  // (50 ms smoothed) are speech: the run is split around them.
  const splitFrames = Math.round((opts.splitLongerThanSec ?? 0.8) / frameSec);
  const margin = opts.innerMarginDb ?? 3;
  const minInner = Math.round(0.15 / frameSec);
  const split: [number, number][] = [];
  for (const [a, b] of runs) {
    if (b - a <= splitFrames || margin <= 0) {
      split.push([a, b]);
      continue;
    }
    const levels = Array.from(db.subarray(a, b)).sort((x, y) => x - y);
    const base = levels[Math.floor(0.2 * (levels.length - 1))]!;
    const loud = (f: number): boolean => {
      let acc = 0;
      let n = 0;
      for (let g = Math.max(a, f - 2); g <= Math.min(b - 1, f + 2); g++) {
        acc += db[g]!;
        n++;
      }
      return acc / n >= base + margin;
    };
    let from = a;
    for (let f = a; f < b; ) {
      if (!loud(f)) {
        f++;
        continue;
      }
      let g = f;
      while (g < b && loud(g)) g++;
      if (g - f >= minInner) {
        if (f > from) split.push([from, f]);
        from = g;
      }
      f = g;
    }
    if (b > from) split.push([from, b]);
  }
  return split.filter(([a, b]) => b - a >= minPause);
}

/** A detected pause longer than this is searched near the path's estimate only (see quietestPoint). */
export const LONG_PAUSE_SEC = 1.2;
/** How far from the path's estimate a boundary may go inside a long pause. */
const LONG_PAUSE_REACH_SEC = 0.5;

/**
 * Where inside a pause to put a boundary: the quietest 100 ms of its middle third. Under noise a word's soft ending
 * (a final /s/, a falling vowel) reads as pause, so the detected pause starts early and its centre can fall in the
 * word; the word's tail is louder than the true pause, so the quietest stretch lies in the true pause.
 * In loud noise (5 dB SNR) a detected pause can also swallow quiet speech on either side and grow to 1.5–3 s; its
 * middle third then strays far from the true pause (1.3 s, measured on common-voice). So in a pause longer than
 * LONG_PAUSE_SEC, when `near` (the path's estimate) is given, the search keeps within ±0.5 s of it.
 */
export function quietestPoint(db: Float32Array, frameSec: number, pause: { begin: number; end: number }, near?: number): number {
  const len = pause.end - pause.begin;
  let lo = pause.begin + len / 3;
  let hi = pause.end - len / 3;
  if (near !== undefined && len > LONG_PAUSE_SEC) {
    const a = Math.max(pause.begin + 0.1 * len, near - LONG_PAUSE_REACH_SEC);
    const b = Math.min(pause.end - 0.1 * len, near + LONG_PAUSE_REACH_SEC);
    if (b >= a) [lo, hi] = [a, b];
  }
  const from = Math.max(0, Math.round(lo / frameSec));
  const to = Math.min(db.length - 1, Math.round(hi / frameSec));
  const half = Math.max(1, Math.round(0.05 / frameSec));
  if (to < from) return (pause.begin + pause.end) / 2;
  let best = (pause.begin + pause.end) / 2;
  let bestLevel = Infinity;
  for (let f = from; f <= to; f++) {
    let acc = 0;
    let n = 0;
    for (let g = Math.max(0, f - half); g <= Math.min(db.length - 1, f + half); g++) {
      acc += 10 ** (db[g]! / 10);
      n++;
    }
    const level = acc / n;
    if (level < bestLevel - 1e-12) {
      bestLevel = level;
      best = (f + 0.5) * frameSec;
    }
  }
  return best;
}
