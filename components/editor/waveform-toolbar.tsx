'use client';
// The controls above the waveform: level, playback, loop/auto-advance, speed, zoom, snapping, the pause band,
// spectrogram, the play head's time (written by the editor straight into `timeRef`, not through React), undo/redo and help.
import type { RefObject } from 'react';
import { Button } from '../ui/button.tsx';
import { LevelSwitch } from './level-switch.tsx';
import type { EditorLevel } from '@/lib/review/wave-regions.ts';

const RATES = [0.5, 0.75, 1, 1.25, 1.5, 2];

type Toggle = { on: boolean; set: (on: boolean) => void };

export function WaveformToolbar(p: {
  level: EditorLevel;
  setLevel: (level: EditorLevel) => void;
  isPlaying: boolean;
  togglePlay: () => void;
  playFragment: () => void;
  auditionBoundary: () => void;
  loop: Toggle;
  autoAdvance: Toggle;
  rate: number;
  setRate: (rate: number) => void;
  zoom: { ready: boolean; pxPerSec: number; min: number; max: number; zoomTo: (pxPerSec: number) => void };
  snap: Toggle & { loading: boolean };
  pauseBand: Toggle;
  spectrogram: Toggle;
  timeRef: RefObject<HTMLSpanElement | null>;
  undo: { label: string | null; run: () => void };
  redo: { label: string | null; run: () => void };
  onHelp: () => void;
}) {
  const { zoom } = p;
  return (
    <div className="mb-2 flex flex-wrap items-center gap-2 text-sm">
      <LevelSwitch level={p.level} onChange={p.setLevel} />
      <Button variant="secondary" onClick={p.togglePlay} aria-label={p.isPlaying ? 'Pause' : 'Play'}>
        {p.isPlaying ? 'Pause' : 'Play'}
      </Button>
      <Button variant="secondary" onClick={p.playFragment}>
        Play paragraph
      </Button>
      <Button variant="secondary" onClick={p.auditionBoundary}>
        Audition boundary
      </Button>
      <label className="flex items-center gap-1">
        <input type="checkbox" checked={p.loop.on} onChange={(e) => p.loop.set(e.target.checked)} /> Loop
      </label>
      <label className="flex items-center gap-1">
        <input type="checkbox" checked={p.autoAdvance.on} onChange={(e) => p.autoAdvance.set(e.target.checked)} /> Auto-advance
      </label>
      <label className="flex items-center gap-1">
        Speed
        <select className="rounded border border-slate-300 px-1" value={p.rate} onChange={(e) => p.setRate(Number(e.target.value))} aria-label="Playback speed">
          {RATES.map((r) => (
            <option key={r} value={r}>
              {r}×
            </option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-1">
        Zoom
        <input
          type="range"
          aria-label="Zoom"
          min={Math.log(Math.max(zoom.min, 0.01))}
          max={Math.log(zoom.max)}
          step={0.01}
          value={Math.log(Math.max(zoom.pxPerSec, 0.01))}
          onChange={(e) => zoom.zoomTo(Math.exp(Number(e.target.value)))}
          disabled={!zoom.ready}
        />
        <span className="w-20 text-xs tabular-nums text-slate-500">{(1000 / zoom.pxPerSec).toFixed(zoom.pxPerSec > 100 ? 1 : 0)} ms/px</span>
      </label>
      <label className="flex items-center gap-1" title="Dragged edges jump to the centre of a pause within 0.15 s">
        <input type="checkbox" checked={p.snap.on} onChange={(e) => p.snap.set(e.target.checked)} /> Snap to pauses
        {(p.snap.on || p.pauseBand.on) && p.snap.loading && <span className="text-xs text-slate-500">(loading…)</span>}
      </label>
      <label className="flex items-center gap-1" title="Show the detected pauses as a light band on the waveform">
        <input type="checkbox" checked={p.pauseBand.on} onChange={(e) => p.pauseBand.set(e.target.checked)} /> Pause band
      </label>
      <label className="flex items-center gap-1">
        <input type="checkbox" checked={p.spectrogram.on} onChange={(e) => p.spectrogram.set(e.target.checked)} /> Spectrogram
      </label>
      <span className="ml-auto text-xs tabular-nums text-slate-500">
        <span ref={p.timeRef}>0.00</span> s
      </span>
      <Button variant="ghost" onClick={p.undo.run} disabled={!p.undo.label} aria-label={p.undo.label ? `Undo ${p.undo.label}` : 'Undo'}>
        Undo
      </Button>
      <Button variant="ghost" onClick={p.redo.run} disabled={!p.redo.label} aria-label={p.redo.label ? `Redo ${p.redo.label}` : 'Redo'}>
        Redo
      </Button>
      <Button variant="ghost" onClick={p.onHelp} aria-label="Keyboard shortcuts">
        ?
      </Button>
    </div>
  );
}
