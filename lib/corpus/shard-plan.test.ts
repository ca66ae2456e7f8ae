import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.ts';
import { planShards, shardFileName } from './shard-plan.ts';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('shardFileName', () => {
  it('follows the TF convention', () => {
    expect(shardFileName('train', 3, 12)).toBe('train-00003-of-00012.tfrecord');
    expect(shardFileName('train', 0, 1, 'librispeech_es-', '')).toBe('librispeech_es-train-00000-of-00001');
  });
});

describe('planShards', () => {
  it('covers every example once, in order, with about equal shards under target + one example', () => {
    const r = rng(1);
    // ~1 h of 1–20 s utterances as 16 kHz int16 WAV records (~32 kB/s + small overhead).
    const sizes = Array.from({ length: 400 }, () => Math.round((1 + r() * 19) * 32_000) + 300);
    const target = 10_000_000;
    const plan = planShards(sizes, { split: 'dev', targetBytes: target });
    const total = sizes.reduce((a, b) => a + b, 0);
    expect(plan.length).toBe(Math.ceil(total / target));
    expect(plan[0]!.first).toBe(0);
    expect(plan.at(-1)!.end).toBe(sizes.length);
    for (let i = 0; i < plan.length; i++) {
      const s = plan[i]!;
      expect(s.index).toBe(i);
      expect(s.file).toBe(`dev-${String(i).padStart(5, '0')}-of-${String(plan.length).padStart(5, '0')}.tfrecord`);
      if (i > 0) expect(s.first).toBe(plan[i - 1]!.end);
      expect(s.end).toBeGreaterThan(s.first);
      expect(s.bytes).toBe(sizes.slice(s.first, s.end).reduce((a, b) => a + b, 0));
      expect(s.bytes).toBeLessThanOrEqual(target + 700_000);
      expect(Math.abs(s.bytes - total / plan.length)).toBeLessThanOrEqual(700_000);
    }
  });

  it('makes one shard for a small split and none for an empty one', () => {
    expect(planShards([10, 20], { split: 'test' })).toEqual([
      { file: 'test-00000-of-00001.tfrecord', index: 0, first: 0, end: 2, bytes: 30 },
    ]);
    expect(planShards([], { split: 'test' })).toEqual([]);
  });

  it('never makes an empty shard, even when examples exceed the target', () => {
    const plan = planShards([500, 1, 1, 500], { split: 'train', targetBytes: 100 });
    expect(plan.map((s) => [s.first, s.end])).toEqual([[0, 1], [1, 2], [2, 3], [3, 4]]);
  });

  it('is deterministic and rejects bad sizes', () => {
    const sizes = [5, 9, 2, 7, 7, 1, 30, 4];
    expect(planShards(sizes, { split: 'train', targetBytes: 20 })).toEqual(planShards(sizes, { split: 'train', targetBytes: 20 }));
    expect(() => planShards([1, -1], { split: 'train' })).toThrow(AppError);
    expect(() => planShards([1], { split: 'train', targetBytes: 0 })).toThrow(AppError);
  });
});
