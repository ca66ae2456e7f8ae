'use client';
// The waveform's regions kept in step with React state: one region per paragraph (or sentence), updated in place
// (adding 600 regions once, then only what changed), and the re-alignment preview's lines. The regions plugin
// and its subscriptions are useWaveSurfer's (it creates, listens to and disposes them); this only adds, updates
// and removes regions.
import { useEffect, useRef, useState, type RefObject } from 'react';
import type RegionsPlugin from 'wavesurfer.js/plugins/regions';
import type { Region } from 'wavesurfer.js/plugins/regions';
import type { WaveRegion } from '@/lib/review/wave-regions.ts';
import { caption, decorate, decorateGhost, GHOST_PREFIX, looksChanged } from './wave-decorations.ts';

/** The regions plugin of the current waveform and the regions on it by id (the owner clears it on unmount). */
export type RegionLayer = { plugin: ReturnType<typeof RegionsPlugin.create>; map: Map<string, { region: Region; spec: WaveRegion }> };

const NO_GHOSTS: readonly number[] = [];

/** Returns whether every region is on the waveform (the editor is interactive). */
export function useRegions(opts: {
  ready: boolean;
  layerRef: RefObject<RegionLayer | null>;
  regions: readonly WaveRegion[];
  /** The zoom: captions are cut to each region's width in pixels. */
  pxPerSec: number;
  /** Proposed boundary times to preview (dashed lines), e.g. a re-alignment before it is accepted. */
  ghosts?: readonly number[];
}): boolean {
  const { ready, layerRef, regions } = opts;
  const ghosts = opts.ghosts ?? NO_GHOSTS;
  const [synced, setSynced] = useState(false);
  const pxRef = useRef(opts.pxPerSec);
  useEffect(() => {
    pxRef.current = opts.pxPerSec;
  });

  useEffect(() => {
    const layer = layerRef.current;
    if (!ready || !layer) {
      setSynced(false);
      return;
    }
    const { plugin, map } = layer;
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
        decorate(region, spec, pxRef.current);
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
      if (looksChanged(old, spec)) decorate(have.region, spec, pxRef.current);
      have.spec = spec;
    }
    for (const [id, have] of map) {
      if (!seen.has(id)) {
        have.region.remove();
        map.delete(id);
      }
    }
    setSynced(true);
  }, [regions, ready, layerRef]);

  // Captions follow the zoom (text only: a region's element is sized in percent already).
  const { pxPerSec } = opts;
  useEffect(() => {
    const layer = layerRef.current;
    if (!ready || !layer) return;
    for (const { region, spec } of layer.map.values()) caption(region, spec, pxPerSec);
  }, [pxPerSec, ready, layerRef]);

  // Proposed boundaries: zero-length marker regions, replaced as a whole (a proposal is small).
  useEffect(() => {
    const plugin = layerRef.current?.plugin;
    if (!ready || !plugin) return;
    const made = ghosts.map((t, i) => {
      const region = plugin.addRegion({ id: `${GHOST_PREFIX}${i}`, start: t, drag: false, resize: false, color: 'rgba(124,58,237,0.9)' });
      decorateGhost(region, t);
      return region;
    });
    return () => {
      for (const r of made) r.remove();
    };
  }, [ghosts, ready, layerRef]);

  return ready && synced;
}
