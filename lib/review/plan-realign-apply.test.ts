import { describe, expect, it } from 'vitest';
import { planRealignApply } from './plan-realign-apply.ts';
import type { ProposedFragment } from './realign-proposal.ts';

const p = (position: number, old: [number, number], now: [number, number], status = 'auto'): ProposedFragment => ({
  id: `f${position}`,
  position,
  status,
  version: 1,
  old: { begin: old[0], end: old[1], confidence: 0.5 },
  begin: now[0],
  end: now[1],
  confidence: 0.8,
  flag: null,
});

describe('planRealignApply', () => {
  it('writes every changed fragment when none is reviewed', () => {
    const plan = planRealignApply([p(0, [0, 2], [0, 2.5]), p(1, [2, 4], [2.5, 4])], { includeReviewed: false });
    expect(plan).toEqual({
      ok: true,
      kept: [],
      writes: [
        { id: 'f0', begin: 0, end: 2.5, confidence: 0.8, flag: null },
        { id: 'f1', begin: 2.5, end: 4, confidence: 0.8, flag: null },
      ],
    });
  });

  it('keeps reviewed fragments and clamps their neighbours to them', () => {
    const plan = planRealignApply(
      [p(0, [0, 2], [0, 2.5]), p(1, [2, 4], [2.5, 3.5], 'approved'), p(2, [4, 6], [3.5, 6])],
      { includeReviewed: false },
    );
    expect(plan.ok && plan.kept).toEqual(['f1']);
    expect(plan.ok && plan.writes.map((w) => [w.id, w.begin, w.end])).toEqual([
      ['f0', 0, 2],
      ['f2', 4, 6],
    ]);
  });

  it('moves reviewed fragments when the reviewer includes them', () => {
    const plan = planRealignApply([p(0, [0, 2], [0, 2.5]), p(1, [2, 4], [2.5, 4], 'rejected')], { includeReviewed: true });
    expect(plan.ok && plan.writes.map((w) => w.id)).toEqual(['f0', 'f1']);
  });

  it('refuses when a clamp would leave a fragment without audio', () => {
    const plan = planRealignApply([p(0, [0, 2], [0, 3]), p(1, [2, 4], [3, 4], 'approved'), p(2, [4, 5], [3.9, 4])], { includeReviewed: false });
    expect(plan).toMatchObject({ ok: false, fragmentId: 'f2' });
  });

  it('writes nothing for an unchanged fragment', () => {
    const same = { ...p(0, [0, 2], [0, 2]), confidence: 0.5 };
    expect(planRealignApply([same], { includeReviewed: false })).toEqual({ ok: true, writes: [], kept: [] });
  });
});
