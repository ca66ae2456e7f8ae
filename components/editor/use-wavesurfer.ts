'use client';
// The one owner of the wavesurfer.js instance: creates it with the chapter's media element and the server's
// precomputed peaks (wave-peaks.ts), subscribes to it and its plugins, and disposes every subscription, timer and
// the instance on unmount. Zoom state is useZoom's and region rendering useRegions' (they get the instance and the
// regions plugin from here, never subscribe themselves). Region maths stay in lib/review: the caller's handlers
// compute, this hook only forwards events.
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import WaveSurfer from 'wavesurfer.js';
import RegionsPlugin from 'wavesurfer.js/plugins/regions';
import TimelinePlugin from 'wavesurfer.js/plugins/timeline';
import MinimapPlugin from 'wavesurfer.js/plugins/minimap';
import type { BoundaryEdge } from '@/lib/review/move-boundary.ts';
import { edgeOf, GHOST_PREFIX } from './wave-decorations.ts';
import { loadPeaks, type PeakRefiner } from './wave-peaks.ts';
import type { RegionLayer } from './use-regions.ts';
import { useZoom } from './use-zoom.ts';

/** The waveform's height in pixels (the timeline is below it). */
export const WAVE_HEIGHT = 140;

export type WaveHandlers = {
  /** While an edge is dragged: the regions (dragged one included) to show, already clamped by the caller. */
  onEdgeDrag: (id: string, edge: BoundaryEdge, time: number) => Array<{ id: string; start: number; end: number }>;
  /** When the drag ends. */
  onEdgeDrop: (id: string, edge: BoundaryEdge, time: number) => void;
  onRegionClick: (id: string) => void;
  onTime: (time: number) => void;
  onPlayingChange: (playing: boolean) => void;
};

export type WaveControls = {
  ready: boolean;
  error: string | null;
  pxPerSec: number;
  minPxPerSec: number;
  maxPxPerSec: number;
  visible: { start: number; end: number };
  zoomTo: (pxPerSec: number, anchorTime?: number) => void;
  play: () => void;
  pause: () => void;
  isPlaying: () => boolean;
  setTime: (t: number) => void;
  getTime: () => number;
  setRate: (rate: number) => void;
  /** Scrolls so that `t` is in view (no-op when it already is). */
  reveal: (t: number) => void;
  /** The element wavesurfer scrolls and zooms (layers inside it move with the waveform); null until it is up. */
  getWrapper: () => HTMLElement | null;
  /** For useRegions: the regions plugin and the regions on it, while the waveform is up. */
  layerRef: RefObject<RegionLayer | null>;
};

export function useWaveSurfer(opts: {
  containerRef: RefObject<HTMLDivElement | null>;
  minimapRef: RefObject<HTMLDivElement | null>;
  audioFileId: string;
  duration: number;
  handlers: WaveHandlers;
}): WaveControls {
  const { containerRef, minimapRef, audioFileId, duration, handlers } = opts;
  const handlersRef = useRef(handlers);
  const wsRef = useRef<WaveSurfer | null>(null);
  const layerRef = useRef<RegionLayer | null>(null);
  const [ready, setReady] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [visible, setVisible] = useState({ start: 0, end: duration });
  const zoom = useZoom({ wsRef, containerRef, duration, ready });
  const { pxRef, events: zoomEvents } = zoom;

  useEffect(() => {
    handlersRef.current = handlers;
  });

  useEffect(() => {
    const container = containerRef.current;
    if (!container || !(duration > 0)) return;
    const ac = new AbortController();
    const audio = document.createElement('audio');
    audio.preload = 'metadata';
    audio.preservesPitch = true;
    audio.src = `/api/audio/${audioFileId}/pcm`;
    const subs: Array<() => void> = [];
    let ws: WaveSurfer | null = null;
    let peaks: PeakRefiner | null = null;

    (async () => {
      peaks = await loadPeaks({
        audioFileId,
        duration,
        signal: ac.signal,
        wave: () => ws,
        pxPerSec: () => pxRef.current,
        src: () => audio.currentSrc || audio.src,
      });
      if (ac.signal.aborted) return;
      const refine = peaks.schedule;
      const regionsPlugin = RegionsPlugin.create();
      const w = WaveSurfer.create({
        container,
        media: audio,
        peaks: [peaks.initial],
        duration,
        height: WAVE_HEIGHT,
        waveColor: '#94a3b8',
        progressColor: '#475569',
        cursorColor: '#4f46e5',
        cursorWidth: 2,
        minPxPerSec: 0,
        fillParent: true,
        autoScroll: true,
        autoCenter: false,
        dragToSeek: false,
        plugins: [
          regionsPlugin,
          // inside the waveform's scroll container, so it scrolls and zooms with it
          TimelinePlugin.create({ height: 18 }),
          MinimapPlugin.create({
            height: 28,
            waveColor: '#cbd5e1',
            progressColor: '#94a3b8',
            overlayColor: 'rgba(79,70,229,0.15)',
            ...(minimapRef.current ? { container: minimapRef.current } : {}),
          }),
        ],
      });
      ws = w;
      const layer: RegionLayer = { plugin: regionsPlugin, map: new Map() };
      layerRef.current = layer;
      wsRef.current = w;
      subs.push(
        w.on('ready', () => {
          zoomEvents.onReady();
          setReady(true);
        }),
        w.on('timeupdate', (t) => handlersRef.current.onTime(t)),
        w.on('play', () => handlersRef.current.onPlayingChange(true)),
        w.on('pause', () => handlersRef.current.onPlayingChange(false)),
        w.on('finish', () => handlersRef.current.onPlayingChange(false)),
        w.on('error', (e) => setError(`The audio could not be played: ${e.message}`)),
        w.on('zoom', (px) => {
          zoomEvents.onZoom(px);
          refine();
        }),
        w.on('scroll', (start, end) => {
          setVisible({ start, end });
          refine();
        }),
        w.on('resize', zoomEvents.onResize),
        regionsPlugin.on('region-update', (region, side) => {
          const edge = edgeOf(side);
          if (!edge) return;
          const preview = handlersRef.current.onEdgeDrag(region.id, edge, edge === 'begin' ? region.start : region.end);
          for (const p of preview) layer.map.get(p.id)?.region.setOptions({ start: p.start, end: p.end });
        }),
        regionsPlugin.on('region-updated', (region, side) => {
          const edge = edgeOf(side);
          if (edge) handlersRef.current.onEdgeDrop(region.id, edge, edge === 'begin' ? region.start : region.end);
        }),
        regionsPlugin.on('region-clicked', (region) => {
          if (!region.id.startsWith(GHOST_PREFIX)) handlersRef.current.onRegionClick(region.id);
        }),
      );
      container.addEventListener('wheel', zoomEvents.onWheel, { passive: false });
      subs.push(() => container.removeEventListener('wheel', zoomEvents.onWheel));
    })().catch((e: unknown) => {
      if (!ac.signal.aborted) setError(`The waveform could not be loaded: ${e instanceof Error ? e.message : String(e)}`);
    });

    return () => {
      ac.abort();
      zoomEvents.dispose();
      peaks?.dispose();
      for (const unsubscribe of subs) unsubscribe();
      layerRef.current?.map.clear();
      layerRef.current = null;
      wsRef.current = null;
      ws?.destroy();
      audio.pause();
      audio.removeAttribute('src');
      audio.load();
      setReady(false);
    };
  }, [audioFileId, duration, containerRef, minimapRef, pxRef, zoomEvents]);

  return {
    ready,
    error,
    pxPerSec: zoom.pxPerSec,
    minPxPerSec: zoom.minPxPerSec,
    maxPxPerSec: zoom.maxPxPerSec,
    visible,
    zoomTo: zoom.zoomTo,
    reveal: zoom.reveal,
    layerRef,
    getWrapper: useCallback(() => wsRef.current?.getWrapper() ?? null, []),
    play: useCallback(() => void wsRef.current?.play().catch(() => undefined), []),
    pause: useCallback(() => wsRef.current?.pause(), []),
    isPlaying: useCallback(() => wsRef.current?.isPlaying() ?? false, []),
    setTime: useCallback((t: number) => wsRef.current?.setTime(t), []),
    getTime: useCallback(() => wsRef.current?.getCurrentTime() ?? 0, []),
    setRate: useCallback((rate: number) => wsRef.current?.setPlaybackRate(rate, true), []),
  };
}
