// Speech the text lacks, found by aligning again without it: between two fragments (findExtraSpeechByRemoval)
// and before the first / after the last (findSpokenEdges), on small made-up feature sequences.
import { describe, expect, it } from 'vitest';
import { multiscaleDtw, type DtwSequence } from './dtw.ts';
import { findExtraSpeechByRemoval, realignWithoutRows } from './find-extra-speech-by-removal.ts';
import { findSpokenEdges, trimSpokenEdges } from './find-spoken-edges.ts';

const DIM = 12;

/** A seeded sequence of unit vectors: `frames` frames, each a noisy copy of one of `sounds` random "sounds" held
 * for 4 frames (so neighbouring frames look alike, as speech does). */
function sequence(seed: number, frames: number): Float32Array {
  let s = seed >>> 0;
  const rnd = () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32 - 0.5;
  };
  const out = new Float32Array(frames * DIM);
  let base = new Float32Array(DIM);
  for (let i = 0; i < frames; i++) {
    if (i % 4 === 0) base = Float32Array.from({ length: DIM }, rnd);
    let norm = 0;
    for (let k = 0; k < DIM; k++) {
      out[i * DIM + k] = base[k]! + 0.1 * rnd();
      norm += out[i * DIM + k]! ** 2;
    }
    for (let k = 0; k < DIM; k++) out[i * DIM + k]! /= Math.sqrt(norm);
  }
  return out;
}

const seq = (parts: Float32Array[]): DtwSequence => {
  const data = new Float32Array(parts.reduce((a, p) => a + p.length, 0));
  let o = 0;
  for (const p of parts) {
    data.set(p, o);
    o += p.length;
  }
  return { length: data.length / DIM, dim: DIM, data };
};

/** Adds a little noise to every frame (the "real voice"). */
const noisy = (x: Float32Array, seed: number): Float32Array => {
  const n = sequence(seed, x.length / DIM);
  return x.map((v, i) => v + 0.15 * n[i]!);
};

// Five "fragments" of 60 frames each, and 60 frames of speech the text lacks.
const frags = [11, 12, 13, 14, 15].map((seed) => sequence(seed, 60));
const extra = sequence(99, 60);
const synth = seq(frags);
const colBounds = [0, 60, 120, 180, 240, 300];
const runsOf = (lengths: number[]): [number, number][] => {
  const out: [number, number][] = [];
  let o = 0;
  for (const n of lengths) {
    out.push([o + 2, o + n - 2]); // a short pause at each edge
    o += n;
  }
  return out;
};

describe('findExtraSpeechByRemoval', () => {
  it('finds speech spliced between two fragments, and the re-aligned path passes over it', () => {
    const real = seq([...frags.slice(0, 2), extra, ...frags.slice(2)].map((x, i) => noisy(x, 100 + i)));
    const path = multiscaleDtw(real, synth, { factor: 1, bandRadius: 400 });
    const found = findExtraSpeechByRemoval(path, real, synth, colBounds, runsOf([60, 60, 60, 60, 60, 60]), { factor: 1, minEvidence: 0.3 });
    expect(found).toHaveLength(1);
    expect(found[0]!.rowFrom).toBeGreaterThanOrEqual(118);
    expect(found[0]!.rowTo).toBeLessThanOrEqual(182);
    expect(found[0]!.rowTo - found[0]!.rowFrom).toBeGreaterThan(50);
    const again = realignWithoutRows(path, real, synth, colBounds, found, { factor: 1 });
    for (let q = 0; q < again.rows.length; q++) {
      const r = again.rows[q]!;
      expect(r < found[0]!.rowFrom || r >= found[0]!.rowTo).toBe(true);
    }
  });

  it('finds nothing when the audio holds exactly the text', () => {
    const real = seq(frags.map((x, i) => noisy(x, 200 + i)));
    const path = multiscaleDtw(real, synth, { factor: 1, bandRadius: 400 });
    expect(findExtraSpeechByRemoval(path, real, synth, colBounds, runsOf([60, 60, 60, 60, 60]), { factor: 1, minEvidence: 0.3, minRelativeExtent: 0 })).toEqual([]);
  });
});

describe('findSpokenEdges', () => {
  it('finds an intro before the first fragment and an outro after the last, and trims them', () => {
    const outro = sequence(77, 50);
    const real = seq([extra, ...frags, outro].map((x, i) => noisy(x, 300 + i)));
    // A path that swallowed both (closed ends), as on a real voice.
    const path = multiscaleDtw(real, synth, { factor: 1, bandRadius: 400 });
    const runs = runsOf([60, 60, 60, 60, 60, 60, 50]); // 4-row pauses between runs
    // An announcer pauses longer than a reader between sentences: cuts only at pauses of minGapRows.
    expect(findSpokenEdges(path, real, synth, colBounds, runs, { factor: 1, minSpeechRows: 20 })).toEqual({});
    const edges = findSpokenEdges(path, real, synth, colBounds, runs, { factor: 1, minSpeechRows: 20, minGapRows: 4 });
    expect(edges.head?.rowTo).toBeGreaterThanOrEqual(58);
    expect(edges.head?.rowTo).toBeLessThanOrEqual(64);
    expect(edges.tail?.rowFrom).toBeGreaterThanOrEqual(356);
    expect(edges.tail?.rowFrom).toBeLessThanOrEqual(362);
    const trimmed = trimSpokenEdges(path, real, synth, colBounds, edges, { factor: 1 });
    expect(trimmed.rows[0]).toBe(edges.head!.rowTo);
    expect(trimmed.rows[trimmed.rows.length - 1]).toBe(edges.tail!.rowFrom - 1);
    expect(trimmed.cols[0]).toBe(0);
    expect(trimmed.cols[trimmed.cols.length - 1]).toBe(299);
  });

  it('finds no edge when the reading starts and ends with the text', () => {
    const real = seq(frags.map((x, i) => noisy(x, 400 + i)));
    const path = multiscaleDtw(real, synth, { factor: 1, bandRadius: 400 });
    expect(findSpokenEdges(path, real, synth, colBounds, runsOf([60, 60, 60, 60, 60]), { factor: 1, minSpeechRows: 20, minGapRows: 4 })).toEqual({});
  });
});
