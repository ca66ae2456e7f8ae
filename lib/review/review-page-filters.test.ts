import { describe, expect, it } from 'vitest';
import { parseReviewPageFilters, reviewPageHref, reviewQueueFilters } from './review-page-filters.ts';

describe('review page filters', () => {
  it('defaults to the unreviewed statuses, page 1', () => {
    expect(parseReviewPageFilters({})).toEqual({ status: ['auto', 'edited'], min: null, max: null, flagged: false, page: 1 });
  });
  it('reads repeated and comma statuses, percent bounds, flagged and page; drops bad values', () => {
    const f = parseReviewPageFilters({ status: ['approved', 'nope'], min: '20', max: '150', flagged: '1', page: '3' });
    expect(f).toEqual({ status: ['approved'], min: 20, max: 100, flagged: true, page: 3 });
    expect(parseReviewPageFilters({ status: 'auto,rejected', min: 'x', page: '-2' })).toMatchObject({ status: ['auto', 'rejected'], min: null, page: 1 });
    expect(reviewQueueFilters(f)).toEqual({ status: ['approved'], minConfidence: 0.2, maxConfidence: 1, flaggedOnly: true, limit: 50, offset: 100 });
  });
  it('round-trips through the URL', () => {
    const f = parseReviewPageFilters({ status: ['auto'], max: '60', flagged: '1' });
    const href = reviewPageHref('/books/b/review', f, 2);
    expect(href).toBe('/books/b/review?status=auto&max=60&flagged=1&page=2');
    const q = new URLSearchParams(href.split('?')[1]);
    expect(parseReviewPageFilters({ status: q.getAll('status'), max: q.get('max') ?? undefined, flagged: '1', page: q.get('page') ?? undefined })).toEqual({ ...f, page: 2 });
  });
});
