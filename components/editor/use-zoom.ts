'use client';
// The waveform's zoom: pixels per second (at least the whole chapter fitting the view, at most 1 ms a pixel),
// zooming around a time (the play head, or the pointer with Ctrl/⌘ + wheel: zoomAround keeps the time under it
// in place) and scrolling a time into view. The wavesurfer instance is useWaveSurfer's: it forwards its events here
// (onReady, onZoom, onResize) and attaches onWheel, and disposes all of them.
import { useCallback, useMemo, useRef, useState, type RefObject } from 'react';
import type WaveSurfer from 'wavesurfer.js';
import { pxToTime, zoomAround } from '@/lib/review/region-math.ts';

/** Most pixels per second: 1 ms per pixel. */
export const MAX_PX_PER_SEC = 1000;

export function useZoom(opts: { wsRef: RefObject<WaveSurfer | null>; containerRef: RefObject<HTMLDivElement | null>; duration: number; ready: boolean }) {
  const { wsRef, containerRef, duration, ready } = opts;
  const pxRef = useRef(1);
  const rafRef = useRef(0);
  const [pxPerSec, setPxPerSec] = useState(1);
  const [minPxPerSec, setMinPxPerSec] = useState(1);

  /** The whole chapter in the view. */
  const fitPx = useCallback(() => Math.max(0.01, (containerRef.current?.clientWidth ?? 0) / duration), [containerRef, duration]);

  const onReady = useCallback(() => {
    const px = Math.max(pxRef.current, fitPx());
    pxRef.current = px;
    setMinPxPerSec(fitPx());
    setPxPerSec(px);
  }, [fitPx]);
  const onZoom = useCallback(
    (px: number) => {
      pxRef.current = Math.max(px, fitPx());
      setPxPerSec(pxRef.current);
    },
    [fitPx],
  );
  const onResize = useCallback(() => setMinPxPerSec(fitPx()), [fitPx]);

  /** Ctrl/⌘ + wheel zooms around the pointer. */
  const onWheel = useCallback(
    (e: WheelEvent) => {
      const ws = wsRef.current;
      const container = containerRef.current;
      if (!(e.ctrlKey || e.metaKey) || !ws || !container) return;
      e.preventDefault();
      const anchorPx = e.clientX - container.getBoundingClientRect().left;
      const view = { pxPerSec: pxRef.current, scrollLeft: ws.getScroll() };
      const next = zoomAround(pxRef.current, Math.exp(-e.deltaY * 0.002), pxToTime(anchorPx, view), anchorPx, {
        min: fitPx(),
        max: MAX_PX_PER_SEC,
        duration,
        viewportWidth: ws.getWidth(),
      });
      ws.zoom(next.pxPerSec);
      cancelAnimationFrame(rafRef.current);
      rafRef.current = requestAnimationFrame(() => ws.setScroll(next.scrollLeft));
    },
    [wsRef, containerRef, fitPx, duration],
  );
  const dispose = useCallback(() => cancelAnimationFrame(rafRef.current), []);
  // one object per duration: the owner's effect depends on it
  const events = useMemo(() => ({ onReady, onZoom, onResize, onWheel, dispose }), [onReady, onZoom, onResize, onWheel, dispose]);

  const zoomTo = useCallback(
    (px: number, anchorTime?: number) => {
      const ws = wsRef.current;
      if (!ws || !ready) return;
      const width = ws.getWidth();
      const anchor = anchorTime ?? ws.getCurrentTime();
      const view = { pxPerSec: pxRef.current, scrollLeft: ws.getScroll() };
      const anchorPx = Math.min(width, Math.max(0, anchor * view.pxPerSec - view.scrollLeft));
      const next = zoomAround(pxRef.current, px / pxRef.current, anchor, anchorPx, {
        min: width / duration,
        max: MAX_PX_PER_SEC,
        duration,
        viewportWidth: width,
      });
      ws.zoom(next.pxPerSec);
      requestAnimationFrame(() => wsRef.current?.setScroll(next.scrollLeft));
    },
    [wsRef, ready, duration],
  );

  /** Scrolls so that `t` is in view (no-op when it already is). */
  const reveal = useCallback(
    (t: number) => {
      const ws = wsRef.current;
      if (!ws) return;
      const view = { pxPerSec: pxRef.current, scrollLeft: ws.getScroll() };
      const x = t * view.pxPerSec - view.scrollLeft;
      if (x < 0 || x > ws.getWidth()) ws.setScroll(Math.max(0, t * view.pxPerSec - ws.getWidth() / 3));
    },
    [wsRef],
  );

  return {
    pxRef,
    pxPerSec,
    minPxPerSec,
    maxPxPerSec: MAX_PX_PER_SEC,
    zoomTo,
    reveal,
    events,
  };
}
