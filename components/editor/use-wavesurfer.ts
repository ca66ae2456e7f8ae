'use client';
// The one owner of the wavesurfer.js instance: creates it with the chapter's media element and the server's
// precomputed peaks (the browser never decodes the chapter), keeps one region per fragment (or sentence) in sync with React
// state, and disposes every subscription and the instance on unmount. Region maths stay in lib/review: the
// caller's handlers compute, this hook only renders what they return.
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import WaveSurfer from 'wavesurfer.js';
import RegionsPlugin, { type Region } from 'wavesurfer.js/plugins/regions';
import TimelinePlugin from 'wavesurfer.js/plugins/timeline';
import MinimapPlugin from 'wavesurfer.js/plugins/minimap';
import { pxToTime, zoomAround } from '@/lib/review/region-math.ts';
import type { BoundaryEdge } from '@/lib/review/move-boundary.ts';
import { editorApi } from './editor-api.ts';
import { buildFinePeaks, coarseSamplesPerPeak, FINE_SAMPLES_PER_PEAK, splicePeaks } from '@/lib/review/peaks-cache.ts';

export type WaveRegion = {
  id: string;
  start: number;
  end: number;
  color: string;
  lowConfidence: boolean;
  selected: boolean;
  /** Anchors: a locked edge cannot be dragged. */
  lockedBegin: boolean;
  lockedEnd: boolean;
  /** What it is, for screen readers: "Paragraph 3", "Paragraph 3, sentence 2 of 4". */
  label?: string;
  /** Sentence level: an edge between two sentences of one paragraph (drawn thinner than a paragraph edge). */
  innerBegin?: boolean;
  innerEnd?: boolean;
};

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
  /** The waveform is drawn and every region is on it (the editor is interactive). */
  regionsReady: boolean;
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
};

const NO_GHOSTS: readonly number[] = [];
const GHOST_PREFIX = 'ghost:';

/** Most pixels per second: 1 ms per pixel. */
export const MAX_PX_PER_SEC = 1000;

function edgeOf(side: string | undefined): BoundaryEdge | null {
  return side === 'start' ? 'begin' : side === 'end' ? 'end' : null;
}

function decorate(region: Region, spec: WaveRegion): void {
  const el = region.element;
  if (!el) return;
  el.dataset.testid = `region-${spec.id}`;
  el.setAttribute('aria-label', `${spec.label ?? 'Paragraph'} region ${spec.start.toFixed(2)}–${spec.end.toFixed(2)} s`);
  el.style.backgroundImage = spec.lowConfidence
    ? 'repeating-linear-gradient(135deg, rgba(220,38,38,0.22) 0 4px, transparent 4px 10px)'
    : '';
  el.style.boxShadow = spec.selected ? 'inset 0 0 0 2px #4f46e5' : spec.lowConfidence ? 'inset 0 0 0 1px #dc2626' : '';
  const left = el.querySelector<HTMLElement>('[part*="region-handle-left"]');
  const right = el.querySelector<HTMLElement>('[part*="region-handle-right"]');
  for (const [handle, edge, locked, inner] of [[left, 'start', spec.lockedBegin, spec.innerBegin], [right, 'end', spec.lockedEnd, spec.innerEnd]] as const) {
    if (!handle) continue;
    handle.dataset.testid = `region-${edge}-${spec.id}`;
    handle.dataset.locked = locked ? 'true' : 'false';
    handle.title = locked ? 'Anchor (locked): unlock it to move it' : inner ? 'Sentence boundary' : '';
    // A locked anchor: a solid amber bar instead of the thin draggable handle. A sentence boundary: one dotted
    // line (the next sentence's start handle draws it; the end handle before it stays draggable but unseen).
    handle.style.borderColor = locked ? '#d97706' : inner ? (edge === 'end' ? 'transparent' : 'rgba(51,65,85,0.75)') : '';
    handle.style.borderWidth = locked ? '3px' : '';
    handle.style[edge === 'start' ? 'borderLeftStyle' : 'borderRightStyle'] = inner && !locked ? 'dashed' : '';
    handle.style.cursor = locked ? 'not-allowed' : '';
  }
}

/** A proposed boundary (re-alignment preview): a dashed line, not interactive. */
function decorateGhost(region: Region, t: number): void {
  const el = region.element;
  if (!el) return;
  el.dataset.testid = 'ghost-boundary';
  el.setAttribute('aria-label', `Proposed boundary ${t.toFixed(2)} s`);
  el.style.borderLeft = '2px dashed #7c3aed';
  el.style.pointerEvents = 'none';
}

export function useWaveSurfer(opts: {
  containerRef: RefObject<HTMLDivElement | null>;
  minimapRef: RefObject<HTMLDivElement | null>;
  audioFileId: string;
  duration: number;
  regions: WaveRegion[];
  /** Proposed boundary times to preview (dashed lines), e.g. a re-alignment before it is accepted. */
  ghosts?: readonly number[];
  handlers: WaveHandlers;
}): WaveControls {
  const { containerRef, minimapRef, audioFileId, duration, regions, handlers } = opts;
  const ghosts = opts.ghosts ?? NO_GHOSTS;
  const handlersRef = useRef(handlers);
  const wsRef = useRef<WaveSurfer | null>(null);
  const pluginRef = useRef<ReturnType<typeof RegionsPlugin.create> | null>(null);
  const regionMap = useRef(new Map<string, { region: Region; spec: WaveRegion }>());
  const pxRef = useRef(1);
  const [ready, setReady] = useState(false);
  const [regionsReady, setRegionsReady] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pxPerSec, setPxPerSec] = useState(1);
  const [minPxPerSec, setMinPxPerSec] = useState(1);
  const [visible, setVisible] = useState({ start: 0, end: duration });

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
    const timers = new Set<ReturnType<typeof setTimeout>>();
    let rafId = 0;
    let ws: WaveSurfer | null = null;
    const regionMapNow = regionMap.current;

    const fitPx = () => Math.max(0.01, container.clientWidth / duration);
    const coarseSpp = coarseSamplesPerPeak(duration);
    let fine: Float32Array | null = null;
    let refineTimer: ReturnType<typeof setTimeout> | null = null;

    // Zoomed in past what the coarse peaks resolve: fetch 10 ms peaks for the visible window (± a window) and
    // splice them into a full-length array, so the waveform stays exact where the reviewer looks.
    const refine = () => {
      if (!ws || coarseSpp <= FINE_SAMPLES_PER_PEAK) return;
      const coarsePerSec = 16000 / coarseSpp;
      if (pxRef.current <= coarsePerSec) return;
      const view = { pxPerSec: pxRef.current, scrollLeft: ws.getScroll() };
      const start = pxToTime(0, view);
      const end = pxToTime(ws.getWidth(), view);
      const span = end - start;
      const from = Math.max(0, start - span);
      const to = Math.min(duration, end + span);
      editorApi
        .peaks(audioFileId, { start: from, end: to, samplesPerPeak: FINE_SAMPLES_PER_PEAK }, ac.signal)
        .then((p) => {
          if (!ws || !fine || ac.signal.aborted) return;
          splicePeaks(fine, p.startSec, p.peaks);
          void ws.load(audio.currentSrc || audio.src, [fine], duration).catch(() => undefined);
        })
        .catch(() => undefined);
    };
    const scheduleRefine = () => {
      if (refineTimer) clearTimeout(refineTimer);
      refineTimer = setTimeout(refine, 250);
      timers.add(refineTimer);
    };

    (async () => {
      const coarse = await editorApi.peaks(audioFileId, { samplesPerPeak: coarseSpp }, ac.signal);
      if (ac.signal.aborted) return;
      if (coarseSpp > FINE_SAMPLES_PER_PEAK) fine = buildFinePeaks(coarse.peaks, coarseSpp, duration);
      const regionsPlugin = RegionsPlugin.create();
      const plugins = [regionsPlugin];
      ws = WaveSurfer.create({
        container,
        media: audio,
        peaks: [fine ?? Float32Array.from(coarse.peaks)],
        duration,
        height: 140,
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
          ...plugins,
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
      const w = ws;
      pluginRef.current = regionsPlugin;
      wsRef.current = w;
      subs.push(
        w.on('ready', () => {
          const px = Math.max(pxRef.current, fitPx());
          pxRef.current = px;
          setMinPxPerSec(fitPx());
          setPxPerSec(px);
          setReady(true);
        }),
        w.on('timeupdate', (t) => handlersRef.current.onTime(t)),
        w.on('play', () => handlersRef.current.onPlayingChange(true)),
        w.on('pause', () => handlersRef.current.onPlayingChange(false)),
        w.on('finish', () => handlersRef.current.onPlayingChange(false)),
        w.on('error', (e) => setError(`The audio could not be played: ${e.message}`)),
        w.on('zoom', (px) => {
          pxRef.current = Math.max(px, fitPx());
          setPxPerSec(pxRef.current);
          scheduleRefine();
        }),
        w.on('scroll', (start, end) => {
          setVisible({ start, end });
          scheduleRefine();
        }),
        w.on('resize', () => setMinPxPerSec(fitPx())),
        regionsPlugin.on('region-update', (region, side) => {
          const edge = edgeOf(side);
          if (!edge) return;
          const preview = handlersRef.current.onEdgeDrag(region.id, edge, edge === 'begin' ? region.start : region.end);
          for (const p of preview) regionMapNow.get(p.id)?.region.setOptions({ start: p.start, end: p.end });
        }),
        regionsPlugin.on('region-updated', (region, side) => {
          const edge = edgeOf(side);
          if (edge) handlersRef.current.onEdgeDrop(region.id, edge, edge === 'begin' ? region.start : region.end);
        }),
        regionsPlugin.on('region-clicked', (region) => {
          if (!region.id.startsWith(GHOST_PREFIX)) handlersRef.current.onRegionClick(region.id);
        }),
      );
      // Ctrl/⌘ + wheel zooms around the pointer (zoomAround keeps the time under it in place).
      const onWheel = (e: WheelEvent) => {
        if (!(e.ctrlKey || e.metaKey) || !wsRef.current) return;
        e.preventDefault();
        const rect = container.getBoundingClientRect();
        const anchorPx = e.clientX - rect.left;
        const view = { pxPerSec: pxRef.current, scrollLeft: w.getScroll() };
        const next = zoomAround(pxRef.current, Math.exp(-e.deltaY * 0.002), pxToTime(anchorPx, view), anchorPx, {
          min: fitPx(),
          max: MAX_PX_PER_SEC,
          duration,
          viewportWidth: w.getWidth(),
        });
        w.zoom(next.pxPerSec);
        cancelAnimationFrame(rafId);
        rafId = requestAnimationFrame(() => w.setScroll(next.scrollLeft));
      };
      container.addEventListener('wheel', onWheel, { passive: false });
      subs.push(() => container.removeEventListener('wheel', onWheel));
    })().catch((e: unknown) => {
      if (!ac.signal.aborted) setError(`The waveform could not be loaded: ${e instanceof Error ? e.message : String(e)}`);
    });

    return () => {
      ac.abort();
      cancelAnimationFrame(rafId);
      for (const t of timers) clearTimeout(t);
      for (const unsubscribe of subs) unsubscribe();
      regionMapNow.clear();
      pluginRef.current = null;
      wsRef.current = null;
      ws?.destroy();
      audio.pause();
      audio.removeAttribute('src');
      audio.load();
      setReady(false);
      setRegionsReady(false);
    };
  }, [audioFileId, duration, containerRef, minimapRef]);

  // One region per fragment, updated in place (adding 600 regions once, then only what changed).
  useEffect(() => {
    const plugin = pluginRef.current;
    if (!ready || !plugin) return;
    const map = regionMap.current;
    const seen = new Set<string>();
    for (const spec of regions) {
      seen.add(spec.id);
      const have = map.get(spec.id);
      if (!have) {
        const region = plugin.addRegion({
          id: spec.id,
          start: spec.start,
          end: spec.end,
          color: spec.color,
          drag: false,
          resize: true,
          resizeStart: !spec.lockedBegin,
          resizeEnd: !spec.lockedEnd,
          minLength: 0.01,
        });
        decorate(region, spec);
        map.set(spec.id, { region, spec });
        continue;
      }
      const old = have.spec;
      if (old.start !== spec.start || old.end !== spec.end || old.color !== spec.color) {
        have.region.setOptions({ start: spec.start, end: spec.end, color: spec.color });
      }
      if (old.lockedBegin !== spec.lockedBegin || old.lockedEnd !== spec.lockedEnd) {
        have.region.setOptions({ resizeStart: !spec.lockedBegin, resizeEnd: !spec.lockedEnd });
      }
      if (
        old.start !== spec.start ||
        old.end !== spec.end ||
        old.selected !== spec.selected ||
        old.lowConfidence !== spec.lowConfidence ||
        old.lockedBegin !== spec.lockedBegin ||
        old.lockedEnd !== spec.lockedEnd ||
        old.label !== spec.label ||
        old.innerBegin !== spec.innerBegin ||
        old.innerEnd !== spec.innerEnd
      ) {
        decorate(have.region, spec);
      }
      have.spec = spec;
    }
    for (const [id, have] of map) {
      if (!seen.has(id)) {
        have.region.remove();
        map.delete(id);
      }
    }
    setRegionsReady(true);
  }, [regions, ready]);

  // Proposed boundaries: zero-length marker regions, replaced as a whole (a proposal is small).
  useEffect(() => {
    const plugin = pluginRef.current;
    if (!ready || !plugin) return;
    const made = ghosts.map((t, i) => {
      const region = plugin.addRegion({ id: `${GHOST_PREFIX}${i}`, start: t, drag: false, resize: false, color: 'rgba(124,58,237,0.9)' });
      decorateGhost(region, t);
      return region;
    });
    return () => {
      for (const r of made) r.remove();
    };
  }, [ghosts, ready]);

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
    [ready, duration],
  );

  return {
    ready,
    regionsReady,
    error,
    pxPerSec,
    minPxPerSec,
    maxPxPerSec: MAX_PX_PER_SEC,
    visible,
    zoomTo,
    play: useCallback(() => void wsRef.current?.play().catch(() => undefined), []),
    pause: useCallback(() => wsRef.current?.pause(), []),
    isPlaying: useCallback(() => wsRef.current?.isPlaying() ?? false, []),
    setTime: useCallback((t: number) => wsRef.current?.setTime(t), []),
    getTime: useCallback(() => wsRef.current?.getCurrentTime() ?? 0, []),
    setRate: useCallback((rate: number) => wsRef.current?.setPlaybackRate(rate, true), []),
    reveal: useCallback((t: number) => {
      const ws = wsRef.current;
      if (!ws) return;
      const view = { pxPerSec: pxRef.current, scrollLeft: ws.getScroll() };
      const x = t * view.pxPerSec - view.scrollLeft;
      if (x < 0 || x > ws.getWidth()) ws.setScroll(Math.max(0, t * view.pxPerSec - ws.getWidth() / 3));
    }, []),
  };
}
