import { describe, expect, it } from 'vitest';
import { CHAPTER_ALIGN_STATUSES, isChapterAligned } from './chapter-align-status.ts';
import { FRAGMENT_STATUSES, isReviewed, isReviewedStatus, REVIEWED_FRAGMENT_STATUSES } from './fragment-status.ts';

describe('fragment and chapter statuses', () => {
  it('calls approved and rejected reviewed, auto and edited not', () => {
    expect(FRAGMENT_STATUSES.filter(isReviewedStatus)).toEqual([...REVIEWED_FRAGMENT_STATUSES]);
    expect(isReviewed({ status: 'rejected' })).toBe(true);
    expect(isReviewed({ status: 'edited' })).toBe(false);
    expect(isReviewed({ status: 'nonsense' })).toBe(false);
  });

  it('calls a chapter aligned only when its alignment finished', () => {
    expect(CHAPTER_ALIGN_STATUSES.filter((alignStatus) => isChapterAligned({ alignStatus }))).toEqual(['aligned']);
  });
});
