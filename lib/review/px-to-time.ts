// Pixels ↔ seconds on the waveform. `px` is measured from the left edge of the visible viewport; the
// scrollable content is `duration * pxPerSec` pixels wide and scrolled by `scrollLeft` pixels.

export type Viewport = { scrollLeft: number; pxPerSec: number };

export function pxToTime(px: number, view: Viewport): number {
  return (px + view.scrollLeft) / view.pxPerSec;
}

export function timeToPx(time: number, view: Viewport): number {
  return time * view.pxPerSec - view.scrollLeft;
}
