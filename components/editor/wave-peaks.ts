'use client';
// Peaks for the waveform, from the server (the browser never decodes the chapter): coarse ones for the whole
// chapter first, then, zoomed in past what they resolve, 10 ms peaks for the visible window (± a window) spliced
// into a full-length array, so the waveform stays exact where the reviewer looks.
import type WaveSurfer from 'wavesurfer.js';
import { pxToTime } from '@/lib/review/region-math.ts';
import { buildFinePeaks, coarseSamplesPerPeak, FINE_SAMPLES_PER_PEAK, splicePeaks } from '@/lib/review/peaks-cache.ts';
import { editorApi } from './editor-api.ts';

/** The decoded audio's sample rate the peaks are counted in. */
const PEAKS_SAMPLE_RATE = 16000;
const REFINE_DELAY_MS = 250;

export type PeakRefiner = {
  /** The peaks to create the waveform with. */
  initial: Float32Array;
  /** After a zoom or a scroll: fetches finer peaks for the new view (debounced). */
  schedule: () => void;
  /** Cancels a pending refinement (the owner calls it on unmount). */
  dispose: () => void;
};

export async function loadPeaks(opts: {
  audioFileId: string;
  duration: number;
  signal: AbortSignal;
  wave: () => WaveSurfer | null;
  pxPerSec: () => number;
  /** The media URL the waveform reloads with its new peaks. */
  src: () => string;
}): Promise<PeakRefiner> {
  const { audioFileId, duration, signal } = opts;
  const coarseSpp = coarseSamplesPerPeak(duration);
  const coarse = await editorApi.peaks(audioFileId, { samplesPerPeak: coarseSpp }, signal);
  const fine = coarseSpp > FINE_SAMPLES_PER_PEAK ? buildFinePeaks(coarse.peaks, coarseSpp, duration) : null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const refine = () => {
    const ws = opts.wave();
    if (!ws || !fine || signal.aborted) return;
    if (opts.pxPerSec() <= PEAKS_SAMPLE_RATE / coarseSpp) return;
    const view = { pxPerSec: opts.pxPerSec(), scrollLeft: ws.getScroll() };
    const start = pxToTime(0, view);
    const end = pxToTime(ws.getWidth(), view);
    const span = end - start;
    editorApi
      .peaks(audioFileId, { start: Math.max(0, start - span), end: Math.min(duration, end + span), samplesPerPeak: FINE_SAMPLES_PER_PEAK }, signal)
      .then((p) => {
        const w = opts.wave();
        if (!w || signal.aborted) return;
        splicePeaks(fine, p.startSec, p.peaks);
        void w.load(opts.src(), [fine], duration).catch(() => undefined);
      })
      .catch(() => undefined);
  };

  return {
    initial: fine ?? Float32Array.from(coarse.peaks),
    schedule: () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(refine, REFINE_DELAY_MS);
    },
    dispose: () => {
      if (timer) clearTimeout(timer);
    },
  };
}
