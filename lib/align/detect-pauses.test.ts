import { describe, expect, it } from 'vitest';
import { detectPauses, EnergyMeter, quietestPoint, slidingMax } from './detect-pauses.ts';

const SR = 16_000;

/** Tone bursts (speech stand-ins) over faint noise; returns samples. Segments: [seconds, loud?]. */
function bursts(segments: [number, boolean][]): Int16Array {
  const total = segments.reduce((s, [d]) => s + Math.round(d * SR), 0);
  const x = new Int16Array(total);
  let t = 0;
  let seed = 1;
  for (const [d, loud] of segments) {
    const n = Math.round(d * SR);
    for (let i = 0; i < n; i++, t++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      const noise = (seed / 2 ** 32 - 0.5) * 60;
      x[t] = Math.round(noise + (loud ? 8000 * Math.sin((2 * Math.PI * 200 * t) / SR) : 0));
    }
  }
  return x;
}

describe('EnergyMeter', () => {
  it('gives 10 ms levels in dBFS, the same whatever the chunking', () => {
    const x = bursts([[0.5, true], [0.5, false]]);
    const a = new EnergyMeter(SR);
    a.push(x);
    const whole = a.finish();
    const b = new EnergyMeter(SR);
    for (let i = 0; i < x.length; i += 777) b.push(x.subarray(i, i + 777));
    expect(Array.from(b.finish())).toEqual(Array.from(whole));
    expect(whole.length).toBe(100);
    // A sine of amplitude 8000/32768 has RMS 0.1726 → −15.26 dBFS.
    expect(whole[10]).toBeCloseTo(20 * Math.log10(8000 / 32768 / Math.SQRT2), 1);
    expect(whole[80]).toBeLessThan(-60);
  });
});

describe('detectPauses', () => {
  it('finds the gaps between bursts and ignores gaps shorter than the minimum', () => {
    const x = bursts([[0.3, false], [1, true], [0.5, false], [1, true], [0.1, false], [1, true], [0.8, false], [0.6, true]]);
    const m = new EnergyMeter(SR);
    m.push(x);
    const { pauses, inSpeech } = detectPauses(m.finish(), 0.01);
    expect(pauses.map((p) => [Number(p.begin.toFixed(2)), Number(p.end.toFixed(2))])).toEqual([
      [0, 0.3],
      [1.3, 1.8],
      [3.9, 4.7],
    ]);
    expect(inSpeech(1.5)).toBe(false);
    expect(inSpeech(2.85)).toBe(true); // the 0.1 s gap is not a pause
    expect(inSpeech(4.8)).toBe(true);
  });

  it('bridges a click inside a pause', () => {
    const x = bursts([[1, true], [0.3, false], [0.02, true], [0.3, false], [1, true]]);
    const m = new EnergyMeter(SR);
    m.push(x);
    const { pauses } = detectPauses(m.finish(), 0.01);
    expect(pauses).toHaveLength(1);
    expect(pauses[0]!.begin).toBeCloseTo(1, 2);
    expect(pauses[0]!.end).toBeCloseTo(1.62, 2);
  });
});

describe('detectPauses: soft speech inside a long quiet run', () => {
  /** 10 ms levels (dB) from [seconds, level] runs, with ±0.5 dB of seeded jitter. */
  const levels = (runs: [number, number][]): Float32Array => {
    const out: number[] = [];
    let s = 3;
    for (const [sec, db] of runs) {
      for (let i = 0; i < Math.round(sec * 100); i++) {
        s = (s * 1103515245 + 12345) >>> 0;
        out.push(db + (s / 2 ** 32 - 0.5));
      }
    }
    return Float32Array.from(out);
  };

  it('splits a run around 300 ms standing 5 dB over the noise (words under a high noise floor)', () => {
    // speech, 0.6 s noise, 0.3 s soft words, 0.6 s noise, speech: the threshold (floor + 6 dB) misses the words.
    const db = levels([
      [2, -10],
      [0.6, -34],
      [0.3, -29],
      [0.6, -34],
      [2, -10],
    ]);
    const p = detectPauses(db, 0.01).pauses;
    expect(p).toHaveLength(2);
    expect(p[0]!.end).toBeCloseTo(2.6, 1);
    expect(p[1]!.begin).toBeCloseTo(2.9, 1);
    expect(detectPauses(db, 0.01, { innerMarginDb: 0 }).pauses).toHaveLength(1);
  });

  it('keeps a long pause whole when nothing in it stands out, or only a click', () => {
    const flat = levels([
      [2, -10],
      [1.5, -34],
      [2, -10],
    ]);
    expect(detectPauses(flat, 0.01).pauses).toHaveLength(1);
    const click = levels([
      [2, -10],
      [0.7, -34],
      [0.08, -28],
      [0.7, -34],
      [2, -10],
    ]);
    expect(detectPauses(click, 0.01).pauses).toHaveLength(1);
  });
});

/** 10 ms levels (dB) from [seconds, dB] segments; a segment with two levels ramps linearly between them. */
function levels(segments: [number, number, number?][]): Float32Array {
  const out: number[] = [];
  for (const [sec, a, b] of segments) {
    const n = Math.round(sec / 0.01);
    for (let i = 0; i < n; i++) out.push(b === undefined ? a : a + ((b - a) * i) / Math.max(1, n - 1));
  }
  return Float32Array.from(out);
}

describe('detectPauses with levelWindowSec', () => {
  // 200 s: speech (−20 dB) with a 0.4 s pause every 2 s; the noise floor under the pauses is −70 dB for the first
  // 100 s and −35 dB after (a fan, another session); the speech rises to −15 dB there.
  const segments: [number, number][] = [];
  for (let t = 0; t < 200; t += 2) segments.push([1.6, t < 100 ? -20 : -15], [0.4, t < 100 ? -70 : -35]);
  const db = levels(segments);
  const pausesIn = (m: ReturnType<typeof detectPauses>, from: number, to: number) => m.pauses.filter((p) => p.begin >= from && p.end <= to);

  it('finds the pauses of a noisier stretch that the whole file’s threshold misses, and the rest as before', () => {
    const whole = detectPauses(db, 0.01);
    const local = detectPauses(db, 0.01, { levelWindowSec: 30 });
    // the file's threshold sits between the quiet half's floor and speech: the noisy half's pauses are above it
    expect(pausesIn(whole, 0, 100)).toHaveLength(50);
    expect(pausesIn(whole, 130, 200)).toHaveLength(0);
    expect(pausesIn(local, 130, 200)).toHaveLength(35);
    for (const p of pausesIn(local, 130, 200)) expect(p.end - p.begin).toBeCloseTo(0.4, 5);
    expect(pausesIn(local, 0, 70)).toEqual(pausesIn(whole, 0, 70));
  });

  it('gives a file no longer than the window the whole file’s threshold', () => {
    const short = db.subarray(0, 5000); // 50 s
    expect(detectPauses(short, 0.01, { levelWindowSec: 30 })).toMatchObject({ pauses: detectPauses(short, 0.01).pauses });
  });
});

describe('slidingMax', () => {
  it('is the maximum over ±half frames, edges included', () => {
    const db = Float32Array.from([1, 5, 2, 0, 0, 3, 0]);
    expect(Array.from(slidingMax(db, 1))).toEqual([5, 5, 5, 2, 3, 3, 3]);
    expect(Array.from(slidingMax(db, 0))).toEqual(Array.from(db));
    const brute = (d: Float32Array, h: number) => Array.from(d, (_, i) => Math.max(...d.subarray(Math.max(0, i - h), i + h + 1)));
    const rnd = Float32Array.from({ length: 200 }, (_, i) => Math.sin(i * 1.7) * 30 + ((i * 7919) % 13));
    expect(Array.from(slidingMax(rnd, 7))).toEqual(brute(rnd, 7));
  });
});

describe('soft pauses', () => {
  // Speech at −15 dB, a file floor at −70 dB (long clear pauses set the threshold), and one short pause filled by a
  // reverberant tail decaying from −35 to −50 dB: above the file's threshold, far below the speech around it.
  const reverberant = levels([[1, -70], [1.5, -15], [0.35, -35, -50], [1.5, -15], [1, -70], [1.5, -15], [1, -70]]);

  it('finds a reverberant pause the file threshold misses, as a soft pause', () => {
    const map = detectPauses(reverberant, 0.01);
    expect(map.pauses.some((p) => p.begin > 2 && p.end < 3.5)).toBe(false);
    expect(map.softPauses).toHaveLength(1);
    expect(map.softPauses[0]!.begin).toBeGreaterThanOrEqual(2.5);
    expect(map.softPauses[0]!.end).toBeCloseTo(2.85, 2);
    expect(detectPauses(reverberant, 0.01, { localDropDb: 0 }).softPauses).toEqual([]);
  });

  it('drops a soft stretch that touches a clear pause (a band-limited vowel beside it)', () => {
    const beside = levels([[1, -70], [1.5, -15], [0.3, -70], [0.4, -42], [1.5, -15], [1, -70]]);
    const map = detectPauses(beside, 0.01);
    expect(map.pauses.some((p) => Math.abs(p.begin - 2.5) < 0.02 && Math.abs(p.end - 2.8) < 0.02)).toBe(true);
    expect(map.softPauses).toEqual([]);
  });

  it('finds none in steady speech', () => {
    expect(detectPauses(levels([[1, -70], [5, -15], [1, -70]]), 0.01).softPauses).toEqual([]);
  });
});

describe('quietestPoint', () => {
  it('takes the quietest 100 ms of the middle third, not the centre', () => {
    // A pause 1.0–1.6 s whose first 0.3 s is a soft word ending (−40 dB) and the rest true silence (−60 dB).
    const db = levels([[1, -15], [0.3, -40], [0.3, -60], [1, -15]]);
    const t = quietestPoint(db, 0.01, { begin: 1, end: 1.6 });
    expect(t).toBeGreaterThan(1.35);
    expect(t).toBeLessThanOrEqual(1.4 + 1e-9);
  });

  it('stays in the middle third of a pause of even level; a pause under a frame gives its own frame', () => {
    const db = levels([[1, -15], [0.6, -60], [1, -15]]);
    expect(quietestPoint(db, 0.01, { begin: 1, end: 1.6 })).toBeGreaterThanOrEqual(1.2);
    expect(quietestPoint(db, 0.01, { begin: 1, end: 1.6 })).toBeLessThanOrEqual(1.41);
    expect(Math.abs(quietestPoint(db, 0.01, { begin: 1.2, end: 1.201 }) - 1.2)).toBeLessThanOrEqual(0.01);
  });

  it('in a long pause (quiet speech swallowed by loud noise), keeps within 0.5 s of the estimate it is given', () => {
    // A 3 s "pause" 1–4 s: quiet speech 1–2.2 s at −33 dB with a −36 dB dip at 1.6 s, the true pause 2.2–2.8 s at
    // −34 dB, quiet speech 2.8–4 s at −33 dB. The middle third (2–3 s) holds the true pause; an estimate at 1.5 s
    // must not be pulled to it from 0.7 s away, and one at 2.6 s finds the pause.
    const db = levels([[1, -15], [0.5, -33], [0.2, -36], [0.5, -33], [0.6, -34], [1.2, -33], [1, -15]]);
    const pause = { begin: 1, end: 4 };
    const t = quietestPoint(db, 0.01, pause, 1.5);
    expect(t).toBeGreaterThanOrEqual(1.5);
    expect(t).toBeLessThanOrEqual(1.7);
    const u = quietestPoint(db, 0.01, pause, 2.6);
    expect(u).toBeGreaterThanOrEqual(2.2);
    expect(u).toBeLessThanOrEqual(2.8);
    // without an estimate, or in a pause up to LONG_PAUSE_SEC, the middle third as before
    const v = quietestPoint(db, 0.01, pause);
    expect(v).toBeGreaterThanOrEqual(2);
    expect(v).toBeLessThanOrEqual(3);
  });
});
