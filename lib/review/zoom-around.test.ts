import { describe, expect, it } from 'vitest';
import { pxToTime, timeToPx } from './px-to-time.ts';
import { DEFAULT_ZOOM_LIMITS, zoomAround } from './zoom-around.ts';

describe('pxToTime / timeToPx', () => {
  it('are inverses, with scroll', () => {
    const view = { scrollLeft: 250, pxPerSec: 100 };
    expect(pxToTime(50, view)).toBe(3);
    expect(timeToPx(3, view)).toBe(50);
    for (const t of [0, 0.01, 2.5, 3600.123]) expect(pxToTime(timeToPx(t, view), view)).toBeCloseTo(t, 9);
  });
  it('a time left of the viewport has a negative pixel', () => {
    expect(timeToPx(1, { scrollLeft: 250, pxPerSec: 100 })).toBe(-150);
  });
});

describe('zoomAround', () => {
  it('keeps the anchor time under the anchor pixel', () => {
    for (const factor of [2, 0.5, 1.25, 10]) {
      const view = { scrollLeft: 4000, pxPerSec: 50 };
      const anchorPx = 320;
      const anchorTime = pxToTime(anchorPx, view);
      const next = zoomAround(view.pxPerSec, factor, anchorTime, anchorPx, DEFAULT_ZOOM_LIMITS);
      expect(next.pxPerSec).toBeCloseTo(50 * factor, 9);
      expect(pxToTime(anchorPx, next)).toBeCloseTo(anchorTime, 9);
      expect(timeToPx(anchorTime, next)).toBeCloseTo(anchorPx, 9);
    }
  });

  it('clamps to the zoom limits (1 ms per pixel at most) and still keeps the anchor', () => {
    const out = zoomAround(800, 4, 10, 200, DEFAULT_ZOOM_LIMITS);
    expect(out.pxPerSec).toBe(1000);
    expect(timeToPx(10, out)).toBeCloseTo(200, 9);
    expect(zoomAround(2, 0.1, 10, 5, { min: 1, max: 1000 }).pxPerSec).toBe(1);
  });

  it('never scrolls before 0, nor past the end when the content size is known', () => {
    expect(zoomAround(100, 2, 0.5, 300, DEFAULT_ZOOM_LIMITS).scrollLeft).toBe(0);
    const end = zoomAround(100, 0.5, 59, 900, { min: 1, max: 1000, duration: 60, viewportWidth: 1000 });
    expect(end).toEqual({ pxPerSec: 50, scrollLeft: 2000 });
  });

  it('treats a bad factor as no zoom', () => {
    expect(zoomAround(100, 0, 3, 100, DEFAULT_ZOOM_LIMITS)).toEqual({ pxPerSec: 100, scrollLeft: 200 });
    expect(zoomAround(100, Number.NaN, 3, 100, DEFAULT_ZOOM_LIMITS)).toEqual({ pxPerSec: 100, scrollLeft: 200 });
  });
});
