'use client';
// The waveform panel: its toolbar, the spectrogram of the visible window (when shown), the waveform and minimap
// containers that useWaveSurfer draws into, and its loading and error lines.
import type { ComponentProps, RefObject } from 'react';
import { SpectrogramView } from './spectrogram-view.tsx';
import { WaveformToolbar } from './waveform-toolbar.tsx';
import type { WaveControls } from './use-wavesurfer.ts';

export function WaveformSection(p: {
  toolbar: ComponentProps<typeof WaveformToolbar>;
  wave: Pick<WaveControls, 'ready' | 'error' | 'visible'>;
  audioFileId: string;
  waveRef: RefObject<HTMLDivElement | null>;
  minimapRef: RefObject<HTMLDivElement | null>;
}) {
  const { wave } = p;
  return (
    <section aria-label="Waveform" className="rounded border border-slate-200 bg-white p-2">
      <WaveformToolbar {...p.toolbar} />
      {wave.error && <p role="alert" className="text-sm text-red-700">{wave.error}</p>}
      {p.toolbar.spectrogram.on && <SpectrogramView audioFileId={p.audioFileId} start={wave.visible.start} end={wave.visible.end} />}
      <div ref={p.waveRef} data-testid="waveform" className="min-h-[140px]" />
      <div ref={p.minimapRef} className="mt-1" data-testid="minimap" />
      {!wave.ready && !wave.error && <p className="text-xs text-slate-500">Loading the waveform…</p>}
    </section>
  );
}
