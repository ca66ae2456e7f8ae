import { describe, expect, it } from 'vitest';
import { fragmentViewFixture } from '../testing/fragment-view-fixture.ts';
import type { FragmentView } from './fragment-view.ts';
import { nextToReview } from './next-to-review.ts';
import { unreviewedOrder } from './fragment-edits.ts';

const frag = (position: number, over: Partial<FragmentView> = {}): FragmentView =>
  fragmentViewFixture({ id: `f${position}`, position, begin: position, end: position + 1, text: `t${position}`, normText: `t${position}`, ...over });

// queue order: f3 (flagged), f1 (0.2), f4 (0.5), f0 (0.9); f2 approved, f5 rejected
const chapter = [
  frag(0),
  frag(1, { confidence: 0.2 }),
  frag(2, { confidence: 0.1, status: 'approved' }),
  frag(3, { confidence: 0.95, flag: 'not-in-audio' }),
  frag(4, { confidence: 0.5, status: 'edited' }),
  frag(5, { confidence: 0.05, status: 'rejected' }),
];
const approve = (frags: FragmentView[], id: string) => frags.map((f) => (f.id === id ? { ...f, status: 'approved' } : f));

describe('nextToReview', () => {
  it('follows the review queue order (flagged, then lowest confidence), from the current paragraph on', () => {
    expect(unreviewedOrder(chapter).map((f) => f.id)).toEqual(['f3', 'f1', 'f4', 'f0']);
    expect(nextToReview(chapter, 'f3')?.id).toBe('f1');
    expect(nextToReview(chapter, 'f1')?.id).toBe('f4');
    expect(nextToReview(chapter, 'f4')?.id).toBe('f0');
  });

  it('works the same once the current paragraph is approved (it keeps its place in the order)', () => {
    expect(nextToReview(approve(chapter, 'f1'), 'f1')?.id).toBe('f4');
    expect(nextToReview(approve(chapter, 'f3'), 'f3')?.id).toBe('f1');
  });

  it('wraps around to the top of the queue and never returns the current paragraph', () => {
    expect(nextToReview(approve(chapter, 'f0'), 'f0')?.id).toBe('f3');
    const last = chapter.map((f) => (f.id === 'f4' ? f : { ...f, status: 'approved' }));
    expect(nextToReview(approve(last, 'f4'), 'f4')).toBeNull();
  });

  it('from a reviewed paragraph (or none): where it would stand in the order; the top of the queue', () => {
    // f2 (approved, confidence 0.1) stands between the flagged f3 and f1
    expect(nextToReview(chapter, 'f2')?.id).toBe('f1');
    expect(nextToReview(chapter, null)?.id).toBe('f3');
    expect(nextToReview(chapter, 'gone')?.id).toBe('f3');
  });

  it('null when nothing is left to review', () => {
    expect(nextToReview(chapter.map((f) => ({ ...f, status: 'approved' })), 'f0')).toBeNull();
  });
});
