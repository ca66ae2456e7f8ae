import { describe, expect, it } from 'vitest';
import { detectPauses, EnergyMeter } from './detect-pauses.ts';

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
