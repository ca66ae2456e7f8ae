import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.ts';
import { assignSplits, SPLITS, type Split, type SplitGroup } from './split-corpus.ts';

const RATIOS = { train: 0.8, dev: 0.1, test: 0.1 };

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Realistic-ish: many short speakers, a few long ones. */
function corpus(n: number, seed: number): SplitGroup[] {
  const r = rng(seed);
  return Array.from({ length: n }, (_, i) => ({ key: `speaker-${seed}-${i}`, hours: 0.2 + r() * r() * 10 }));
}

function hourShares(groups: SplitGroup[], m: Map<string, Split>): Record<Split, number> {
  const total = groups.reduce((a, g) => a + g.hours, 0);
  const h: Record<Split, number> = { train: 0, dev: 0, test: 0 };
  for (const g of groups) h[m.get(g.key)!] += g.hours / total;
  return h;
}

describe('assignSplits', () => {
  it('is deterministic and independent of input order', () => {
    const groups = corpus(200, 1);
    const a = assignSplits(groups, RATIOS, 7);
    const b = assignSplits([...groups].reverse(), RATIOS, 7);
    expect([...a.entries()].sort()).toEqual([...b.entries()].sort());
    for (const mode of ['stable', 'balanced'] as const) {
      const c = assignSplits(groups, RATIOS, 7, { mode });
      const d = assignSplits([...groups].reverse(), RATIOS, 7, { mode });
      expect([...c.entries()].sort()).toEqual([...d.entries()].sort());
    }
    const other = assignSplits(groups, RATIOS, 8);
    expect([...other.entries()].sort()).not.toEqual([...a.entries()].sort());
  });

  it('never moves existing groups when groups are added (stable mode)', () => {
    const groups = corpus(300, 2);
    const before = assignSplits(groups, RATIOS, 3);
    const after = assignSplits([...groups, ...corpus(50, 99)], RATIOS, 3);
    for (const [key, split] of before) expect(after.get(key)).toBe(split);
  });

  it('balanced mode with the previous assignment keeps old groups and balances new ones', () => {
    const old = corpus(300, 4);
    const previous = assignSplits(old, RATIOS, 3, { mode: 'balanced' });
    const grown = [...old, ...corpus(100, 5)];
    const next = assignSplits(grown, RATIOS, 3, { mode: 'balanced', previous });
    for (const [key, split] of previous) expect(next.get(key)).toBe(split);
    for (const s of SPLITS) expect(Math.abs(hourShares(grown, next)[s] - RATIOS[s])).toBeLessThan(0.005);
  });

  it('keeps hours near the ratios for 300 groups: loosely when stable, tightly when balanced', () => {
    let worstStable = 0;
    let sumStable = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const groups = corpus(300, seed);
      const stable = hourShares(groups, assignSplits(groups, RATIOS, seed));
      const balanced = hourShares(groups, assignSplits(groups, RATIOS, seed, { mode: 'balanced' }));
      for (const s of SPLITS) {
        const d = Math.abs(stable[s] - RATIOS[s]);
        worstStable = Math.max(worstStable, d);
        sumStable += d / 3;
        expect(Math.abs(balanced[s] - RATIOS[s])).toBeLessThan(0.005);
      }
    }
    expect(worstStable).toBeLessThan(0.1); // measured 0.073 (train; its error is dev's plus test's)
    expect(sumStable / 20).toBeLessThan(0.03); // measured 0.022
  });

  it('keeps every example of a group in one split', () => {
    const groups = corpus(50, 6);
    const m = assignSplits(groups, RATIOS, 1);
    const r = rng(5);
    const utterances = Array.from({ length: 2000 }, (_, i) => ({ id: i, group: groups[Math.floor(r() * 50)]!.key }));
    const splitsOf = new Map<string, Set<Split>>();
    for (const u of utterances) {
      const s = splitsOf.get(u.group) ?? new Set<Split>();
      s.add(m.get(u.group)!);
      splitsOf.set(u.group, s);
    }
    for (const s of splitsOf.values()) expect(s.size).toBe(1);
    expect(m.size).toBe(50);
  });

  it('never uses a split with ratio 0', () => {
    const groups = corpus(500, 7);
    for (const mode of ['stable', 'balanced'] as const) {
      const m = assignSplits(groups, { train: 9, dev: 1, test: 0 }, 1, { mode });
      expect([...m.values()]).not.toContain('test');
      expect([...m.values()]).toContain('dev');
    }
  });

  it('rejects bad ratios, duplicate keys and bad hours', () => {
    expect(() => assignSplits([], { train: 0, dev: 0, test: 0 }, 1)).toThrow(AppError);
    expect(() => assignSplits([], { train: -1, dev: 1, test: 1 }, 1)).toThrow(AppError);
    expect(() => assignSplits([{ key: 'a', hours: 1 }, { key: 'a', hours: 2 }], RATIOS, 1)).toThrow(/twice/);
    expect(() => assignSplits([{ key: 'a', hours: Number.NaN }], RATIOS, 1)).toThrow(AppError);
  });
});
