'use client';
// Draws the pause band: one light span per detected pause, in a layer inside wavesurfer's wrapper (so it scrolls
// and zooms with the waveform: spans are in percent, pauseBand's geometry), under the regions and over the wave.
import { useEffect } from 'react';
import { pauseBand } from '@/lib/review/pause-band.ts';
import type { Pause } from './use-pauses.ts';

/** Pauses shorter than this are drawn this wide, so that they show at the whole-chapter view. */
const MIN_BAND_SEC = 0.05;

export function usePauseBand(opts: { ready: boolean; getWrapper: () => HTMLElement | null; pauses: readonly Pause[] | null; duration: number; height: number }) {
  const { ready, getWrapper, pauses, duration, height } = opts;
  useEffect(() => {
    const wrapper = getWrapper();
    if (!ready || !wrapper || !pauses) return;
    const layer = document.createElement('div');
    layer.dataset.testid = 'pause-band';
    layer.setAttribute('aria-hidden', 'true');
    Object.assign(layer.style, { position: 'absolute', left: '0', top: '0', width: '100%', height: `${height}px`, zIndex: '4', pointerEvents: 'none' });
    for (const span of pauseBand(pauses, duration, MIN_BAND_SEC)) {
      const el = document.createElement('div');
      Object.assign(el.style, {
        position: 'absolute',
        top: '0',
        bottom: '0',
        left: `${span.leftPct}%`,
        width: `${span.widthPct}%`,
        background: 'rgba(14,165,233,0.16)',
        borderBottom: '4px solid rgba(14,165,233,0.55)',
      });
      layer.appendChild(el);
    }
    wrapper.appendChild(layer);
    return () => layer.remove();
  }, [ready, getWrapper, pauses, duration, height]);
}
