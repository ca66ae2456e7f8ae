import type { Viewport } from './px-to-time.ts';

export type ZoomLimits = {
  /** Least pixels per second (zoomed out). The editor passes viewportWidth / duration to fit a whole chapter. */
  min: number;
  /** Most pixels per second (zoomed in): 1000 px/s = 1 ms per pixel. */
  max: number;
  /** With both of these, scrollLeft also stays short of the content's end. */
  duration?: number;
  viewportWidth?: number;
};

/** 100 px/s (10 ms per pixel) is the usual close-up; the limit allows 1 ms per pixel. */
export const DEFAULT_ZOOM_LIMITS: ZoomLimits = { min: 1, max: 1000 };

/**
 * Zooms by `factor` (2 = twice as many pixels per second) keeping `anchorTime` under `anchorPx` (the pointer,
 * in viewport pixels). Returns the new pxPerSec (clamped to the limits) and scrollLeft. The anchor stays put
 * unless the scroll would go below 0 (or past the end, when duration and viewportWidth are given).
 * A factor that is not a positive number counts as 1.
 */
export function zoomAround(
  pxPerSec: number,
  factor: number,
  anchorTime: number,
  anchorPx: number,
  limits: ZoomLimits,
): Viewport {
  const f = Number.isFinite(factor) && factor > 0 ? factor : 1;
  const next = Math.min(limits.max, Math.max(limits.min, pxPerSec * f));
  let scrollLeft = anchorTime * next - anchorPx;
  if (limits.duration !== undefined && limits.viewportWidth !== undefined) {
    scrollLeft = Math.min(scrollLeft, limits.duration * next - limits.viewportWidth);
  }
  return { pxPerSec: next, scrollLeft: Math.max(0, scrollLeft) };
}
