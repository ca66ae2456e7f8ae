import { describe, expect, it } from 'vitest';
import { bandWindow, downsampleSequence, multiscaleDtw, toDtwSequence, windowedDtw, type DtwSequence } from './dtw.ts';

/** 2-D unit vectors at the given angles (degrees): the cost 1 − cos Δθ is easy to compute by hand. */
function angles(deg: number[]): DtwSequence {
  const data = new Float32Array(deg.length * 2);
  deg.forEach((d, i) => {
    data[i * 2] = Math.cos((d * Math.PI) / 180);
    data[i * 2 + 1] = Math.sin((d * Math.PI) / 180);
  });
  return { length: deg.length, dim: 2, data };
}

function full(n: number, m: number) {
  return bandWindow(n, m, Math.max(n, m));
}

function pairs(p: { rows: Int32Array; cols: Int32Array }): [number, number][] {
  return Array.from(p.rows, (r, k) => [r, p.cols[k]!]);
}

/** A smooth random walk of unit vectors in 12-D: neighbouring frames alike, distant frames different. */
function walk(n: number, seed: number): number[][] {
  let s = seed;
  const rnd = () => {
    s = (s * 1103515245 + 12345) >>> 0;
    return s / 2 ** 32 - 0.5;
  };
  const v = Array.from({ length: 12 }, rnd);
  const out: number[][] = [];
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < 12; k++) v[k] = v[k]! * 0.9 + rnd();
    out.push([...v]);
  }
  return out;
}

function seq(vectors: number[][]): DtwSequence {
  const coeffs = 13;
  const data = new Float32Array(vectors.length * coeffs);
  vectors.forEach((v, i) => v.forEach((x, k) => (data[i * coeffs + k + 1] = x)));
  return toDtwSequence({ frames: vectors.length, coeffs, shiftSec: 0.04, data });
}

describe('windowedDtw', () => {
  it('solves a hand-computed 3 × 4 case', () => {
    // Costs (rows a = 0°, 90°, 180°; columns b = 0°, 45°, 90°, 180°):
    //   0      .2929  1      2
    //   1      .2929  0      1
    //   2      1.7071 1      0
    // Accumulated: D(2,3) = .2929 via (0,0) → (0,1) → (1,2) → (2,3) (diagonal preferred on ties).
    const p = windowedDtw(angles([0, 90, 180]), angles([0, 45, 90, 180]), full(3, 4));
    expect(p.cost).toBeCloseTo(1 - Math.SQRT1_2, 6);
    expect(pairs(p)).toEqual([[0, 0], [0, 1], [1, 2], [2, 3]]);
    expect(p.cells).toBe(12);
  });

  it('aligns identical sequences on the diagonal at zero cost', () => {
    const s = seq(walk(50, 1));
    const p = windowedDtw(s, s, full(50, 50));
    expect(pairs(p)).toEqual(Array.from({ length: 50 }, (_, i) => [i, i]));
    expect(p.cost).toBeCloseTo(0, 5);
  });

  it('maps a repeated segment onto the one frame it repeats', () => {
    // a holds b's frame 1 three times: the path stays on column 1 for rows 1..3.
    const a = angles([0, 60, 60, 60, 120, 180]);
    const b = angles([0, 60, 120, 180]);
    const p = windowedDtw(a, b, full(6, 4));
    expect(pairs(p)).toEqual([[0, 0], [1, 1], [2, 1], [3, 1], [4, 2], [5, 3]]);
    expect(p.cost).toBeCloseTo(0, 6);
  });

  it('starts and ends freely inside the open begin/end (subsequence DTW)', () => {
    const w = walk(130, 7);
    const a = seq([...walk(40, 70), ...w, ...walk(30, 71)]);
    const b = seq(w);
    const p = windowedDtw(a, b, full(200, 130), { openBegin: 60, openEnd: 60, skipCost: 0.2 });
    expect(p.rows[0]).toBe(40);
    expect(p.rows[p.rows.length - 1]).toBe(169);
    expect(p.cost).toBeCloseTo(0.2 * (40 + 30), 4);
    // Without the open begin the path has to start at row 0.
    expect(windowedDtw(a, b, full(200, 130)).rows[0]).toBe(0);
  });

  it('stores only the band', () => {
    const s = seq(walk(300, 3));
    const p = windowedDtw(s, s, bandWindow(300, 300, 10));
    expect(p.cells).toBeLessThan(300 * 21 + 1);
    expect(p.cost).toBeCloseTo(0, 5);
  });

  it('rejects empty or mismatched sequences', () => {
    expect(() => windowedDtw(angles([]), angles([0]), full(0, 1))).toThrow(/non-empty/);
  });
});

/** windowedDtw as first written (a cost closure, one test per step): the reference the fast loop must match. */
function referenceDtw(a: DtwSequence, b: DtwSequence, lo: Int32Array, hi: Int32Array, o: { openBegin?: number; openEnd?: number; skipCost?: number; energyWeight?: number }) {
  const n = a.length;
  const m = b.length;
  const w = o.energyWeight ?? 0;
  const cost = (i: number, j: number) => {
    let dot = 0;
    for (let k = 0; k < a.dim; k++) dot += a.data[i * a.dim + k]! * b.data[j * b.dim + k]!;
    return w > 0 && a.energy && b.energy ? 1 - dot + w * Math.abs(a.energy[i]! - b.energy[j]!) : 1 - dot;
  };
  const openBegin = Math.min(n - 1, o.openBegin ?? 0);
  const openEnd = Math.min(n - 1, o.openEnd ?? 0);
  const skip = o.skipCost ?? 0;
  const acc: number[][] = [];
  const dir: number[][] = [];
  let bestEnd = Infinity;
  let bestRow = -1;
  for (let i = 0; i < n; i++) {
    acc.push(new Array<number>(m).fill(Infinity));
    dir.push(new Array<number>(m).fill(3));
    for (let j = lo[i]!; j <= hi[i]!; j++) {
      let best = Infinity;
      let d = 3;
      const inPrev = (c: number) => i > 0 && c >= lo[i - 1]! && c <= hi[i - 1]!;
      if (inPrev(j - 1)) [best, d] = [acc[i - 1]![j - 1]!, 0];
      if (inPrev(j) && acc[i - 1]![j]! < best) [best, d] = [acc[i - 1]![j]!, 1];
      if (j > lo[i]! && acc[i]![j - 1]! < best) [best, d] = [acc[i]![j - 1]!, 2];
      if (j === 0 && i <= openBegin && i * skip <= best) [best, d] = [i * skip, 3];
      acc[i]![j] = best + cost(i, j);
      dir[i]![j] = d;
    }
    if (hi[i] === m - 1 && i >= n - 1 - openEnd && acc[i]![m - 1]! + (n - 1 - i) * skip < bestEnd) {
      bestEnd = acc[i]![m - 1]! + (n - 1 - i) * skip;
      bestRow = i;
    }
  }
  const path: [number, number][] = [];
  for (let i = bestRow, j = m - 1; ; ) {
    path.push([i, j]);
    const d = dir[i]![j]!;
    if (d === 3) break;
    if (d === 0) [i, j] = [i - 1, j - 1];
    else if (d === 1) i--;
    else j--;
  }
  return { cost: bestEnd, path: path.reverse() };
}

describe('windowedDtw against the reference loop', () => {
  it.each([
    ['12-D with energies, open ends, a band', 12, true],
    ['2-D, closed ends, a full window', 2, false],
  ] as const)('gives the reference cost to the bit and the same path: %s', (_, dim, open) => {
    const mk = (n: number, seed: number): DtwSequence => {
      let s = seed;
      const r = () => ((s = (s * 1103515245 + 12345) >>> 0) / 2 ** 32) - 0.5;
      const data = Float32Array.from({ length: n * dim }, r);
      return { length: n, dim, data, energy: Float32Array.from({ length: n }, () => r() + 0.5) };
    };
    const a = mk(230, 3);
    const b = mk(170, 4);
    const window = open ? bandWindow(a.length, b.length, 25) : full(a.length, b.length);
    const opts = open ? { openBegin: 30, openEnd: 40, skipCost: 0.9, energyWeight: 0.5 } : {};
    const fast = windowedDtw(a, b, window, opts);
    const ref = referenceDtw(a, b, window.lo, window.hi, opts);
    expect(fast.cost).toBe(ref.cost);
    expect(pairs(fast)).toEqual(ref.path);
  });
});

describe('multiscaleDtw', () => {
  it('finds the same path as full DTW on a time-warped copy', () => {
    const w = walk(600, 11);
    // b: a resampled with a smoothly varying rate (0.7×..1.3×).
    const warped: number[][] = [];
    for (let t = 0; t < 599; ) {
      warped.push(w[Math.floor(t)]!);
      t += 1 + 0.3 * Math.sin(t / 40);
    }
    const a = seq(w);
    const b = seq(warped);
    const exact = windowedDtw(a, b, full(a.length, b.length));
    const fast = multiscaleDtw(a, b, { factor: 8, bandRadius: 200, refineRadius: 8 });
    expect(fast.cost).toBeCloseTo(exact.cost, 4);
    expect(fast.cells).toBeLessThan((a.length * b.length) / 4);
  });

  it('finds a subsequence behind a long unrelated head', () => {
    const w = walk(1000, 5);
    const a = seq([...walk(150, 99), ...w.slice(0, 800), ...walk(100, 98)]);
    const b = seq(w.slice(0, 800));
    const p = multiscaleDtw(a, b, { factor: 8, bandRadius: 300, openBegin: 300, openEnd: 300, skipCost: 0.3 });
    expect(p.rows[0]).toBe(150);
    expect(p.rows[p.rows.length - 1]).toBe(949);
  });

  it('averages frames when downsampling', () => {
    const d = downsampleSequence(angles([0, 90, 180, 180]), 2);
    expect(d.length).toBe(2);
    expect(d.data[0]).toBeCloseTo(Math.SQRT1_2, 6);
    expect(d.data[1]).toBeCloseTo(Math.SQRT1_2, 6);
    expect(d.data[2]).toBeCloseTo(-1, 6);
  });
});

describe('toDtwSequence with cepstral mean/variance normalisation', () => {
  /** An MFCC track (c0 + 12 coefficients) from a seeded generator, with a per-coefficient offset and gain. */
  const track = (offset: number, gain: number) => {
    const coeffs = 13;
    const frames = 200;
    const data = new Float32Array(frames * coeffs);
    let s = 7;
    for (let i = 0; i < frames * coeffs; i++) {
      s = (s * 1103515245 + 12345) % 2 ** 31;
      const k = i % coeffs;
      data[i] = (s / 2 ** 31 - 0.5) * gain * (1 + k / 10) + offset * (k - 6);
    }
    return { frames, coeffs, data, shiftSec: 0.04 } as Parameters<typeof toDtwSequence>[0];
  };

  it('is blind to a channel offset and gain per coefficient (a room, a microphone), unlike the raw cepstra', () => {
    const a = toDtwSequence(track(0, 1), undefined, { cmvn: true });
    const b = toDtwSequence(track(5, 3), undefined, { cmvn: true });
    for (let i = 0; i < a.data.length; i++) expect(b.data[i]).toBeCloseTo(a.data[i]!, 4);
    const rawA = toDtwSequence(track(0, 1));
    const rawB = toDtwSequence(track(5, 3));
    let maxDiff = 0;
    for (let i = 0; i < rawA.data.length; i++) maxDiff = Math.max(maxDiff, Math.abs(rawB.data[i]! - rawA.data[i]!));
    expect(maxDiff).toBeGreaterThan(0.1);
  });

  it('takes the statistics from the loud frames when energies are given, and keeps unit-length vectors', () => {
    const m = track(1, 1);
    // The quiet half sits far off in coefficient 11 (c12): it must not move the statistics.
    for (let i = 0; i < 100; i++) m.data[i * m.coeffs + 12] = m.data[i * m.coeffs + 12]! + 20;
    const energy = Float32Array.from({ length: m.frames }, (_, i) => (i < 100 ? 0 : 1));
    const s = toDtwSequence(m, energy, { cmvn: true });
    for (let i = 0; i < s.length; i++) {
      let norm = 0;
      for (let k = 0; k < s.dim; k++) norm += s.data[i * s.dim + k]! ** 2;
      expect(norm).toBeCloseTo(1, 5);
    }
    // Statistics of frames 100..199 only: their mean vector (before the unit scaling) is zero, so the normalised
    // loud frames average to nearly nothing in each coefficient compared with the quiet ones.
    const meanOf = (from: number, to: number, k: number) => {
      let acc = 0;
      for (let i = from; i < to; i++) acc += s.data[i * s.dim + k]!;
      return Math.abs(acc / (to - from));
    };
    expect(meanOf(100, 200, 11)).toBeLessThan(0.1);
    // Statistics over every frame would put the loud half well off centre.
    const all = toDtwSequence(m, undefined, { cmvn: true });
    let acc = 0;
    for (let i = 100; i < 200; i++) acc += all.data[i * all.dim + 11]!;
    expect(Math.abs(acc / 100)).toBeGreaterThan(0.2);
  });
});

describe('toDtwSequence with sliding CMVN (windowFrames, priorFrames)', () => {
  /** Seeded MFCC-like frames (c0 + 12), the same content twice over: frame i and i + frames/2 alike. */
  const twice = (frames: number, offsetSecondHalf: number, gainSecondHalf: number) => {
    const coeffs = 13;
    const data = new Float32Array(frames * coeffs);
    let s = 11;
    const half = frames / 2;
    for (let i = 0; i < half; i++) {
      for (let k = 0; k < coeffs; k++) {
        s = (s * 1103515245 + 12345) % 2 ** 31;
        const v = (s / 2 ** 31 - 0.5) * (1 + k / 10);
        data[i * coeffs + k] = v;
        data[(i + half) * coeffs + k] = v * gainSecondHalf + offsetSecondHalf * (k - 6);
      }
    }
    return { frames, coeffs, data, shiftSec: 0.04 } as Parameters<typeof toDtwSequence>[0];
  };
  const cos = (q: DtwSequence, i: number, j: number) => {
    let dot = 0;
    for (let k = 0; k < q.dim; k++) dot += q.data[i * q.dim + k]! * q.data[j * q.dim + k]!;
    return dot;
  };
  /** Worst and best cosine between frames i and their twins i + 2000, over frames whose window lies in their half. */
  const twins = (q: DtwSequence) => {
    let worst = 1;
    let best = -1;
    for (let i = 600; i < 1400; i += 7) {
      worst = Math.min(worst, cos(q, i, i + 2000));
      best = Math.max(best, cos(q, i, i + 2000));
    }
    return { worst, best };
  };

  it('normalises a stretch whose channel changes (another room or microphone) by its own statistics', () => {
    // 4000 frames: the second half is the first with an offset and a gain per coefficient
    const m = twice(4000, 4, 2.5);
    expect(twins(toDtwSequence(m, undefined, { cmvn: true, windowFrames: 600 })).worst).toBeGreaterThan(0.999);
    // with the whole track's statistics the twins do not match
    expect(twins(toDtwSequence(m, undefined, { cmvn: true })).best).toBeLessThan(0.9);
    // a share of the whole track's statistics pulls each window towards them: the match is looser, still far better
    const pulled = twins(toDtwSequence(m, undefined, { cmvn: true, windowFrames: 600, priorFrames: 10 }));
    expect(pulled.worst).toBeGreaterThan(0.9);
    expect(pulled.worst).toBeLessThan(0.999);
    // and a share far larger than any window is the whole track's statistics
    const whole = toDtwSequence(m, undefined, { cmvn: true });
    const prior = toDtwSequence(m, undefined, { cmvn: true, windowFrames: 600, priorFrames: 1e9 });
    for (let i = 0; i < prior.data.length; i += 101) expect(prior.data[i]).toBeCloseTo(whole.data[i]!, 4);
    const sliding = toDtwSequence(m, undefined, { cmvn: true, windowFrames: 600, priorFrames: 300 });
    for (let i = 0; i < sliding.length; i += 97) {
      let norm = 0;
      for (let k = 0; k < sliding.dim; k++) norm += sliding.data[i * sliding.dim + k]! ** 2;
      expect(norm).toBeCloseTo(1, 5);
    }
  });

  it('gives a track no longer than the window the whole track’s statistics, to the bit', () => {
    const m = twice(400, 1, 1.5);
    const energy = Float32Array.from({ length: 400 }, (_, i) => (i % 3 ? 1 : 0));
    expect(toDtwSequence(m, energy, { cmvn: true, windowFrames: 200, priorFrames: 100 })).toEqual(toDtwSequence(m, energy, { cmvn: true }));
  });

  it('takes the loud frames of the window, or all of them where it holds too few loud ones', () => {
    const m = twice(4000, 0, 1);
    // a quiet stretch (energy 0) far off in c12 must not move the loud frames' statistics
    const energy = Float32Array.from({ length: 4000 }, (_, i) => (i >= 1000 && i < 1300 ? 0 : 1));
    for (let i = 1000; i < 1300; i++) m.data[i * m.coeffs + 12] = m.data[i * m.coeffs + 12]! + 30;
    const withEnergy = toDtwSequence(m, energy, { cmvn: true, windowFrames: 600 });
    const reference = toDtwSequence(twice(4000, 0, 1), energy, { cmvn: true, windowFrames: 600 });
    for (let i = 1400; i < 1500; i++) {
      for (let k = 0; k < withEnergy.dim; k++) expect(withEnergy.data[i * withEnergy.dim + k]).toBeCloseTo(reference.data[i * reference.dim + k]!, 5);
    }
    // a window with no loud frame at all still gives unit vectors
    const silent = toDtwSequence(twice(4000, 0, 1), new Float32Array(4000), { cmvn: true, windowFrames: 600, priorFrames: 100 });
    let norm = 0;
    for (let k = 0; k < silent.dim; k++) norm += silent.data[2000 * silent.dim + k]! ** 2;
    expect(norm).toBeCloseTo(1, 5);
  });
});
