'use client';
// The spectrogram of the visible window, at every zoom. Zoomed in (≤ 30 s), every sample of the window comes from
// the PCM route with one HTTP Range (about 1 MB). Zoomed out (up to the whole chapter), the overview comes from the
// low-resolution spectrogram the ingest computed once per file (10 columns/s × 64 mel bands, 640 bytes per second;
// fetched once per file and kept); a file ingested before that existed (the route's 404) falls back to sampling one
// 64 ms excerpt per column (spectrogramPlan: ≤ 480 Range requests of 2 KB, whatever the chapter's length). Drawn
// results are kept per audio file and window. Nothing decodes the whole chapter: wavesurfer's spectrogram plugin
// needs the whole file decoded, which this editor never has. Colours: spectrogramPalette.
import { useEffect, useRef, useState } from 'react';
import { Fft } from '@/lib/align/fft.ts';
import { dbWindow, spectrogramPalette } from '@/lib/review/spectrogram-palette.ts';
import { spectrogramPlan } from '@/lib/review/spectrogram-plan.ts';
import { parseSpectrogram, type Spectrogram } from '@/lib/align/parse-spectrogram.ts';
import { storedSpectrogramLevels } from '@/lib/review/stored-spectrogram-levels.ts';

const FFT_SIZE = 512;
const BINS = FFT_SIZE / 2;
const HEIGHT = 128;
/** Requests in flight at once while sampling the overview. */
const CONCURRENCY = 6;
const PALETTE = spectrogramPalette();

type WavInfo = { dataOffset: number; sampleRate: number };
type Drawn = { mode: 'detailed' | 'overview'; source: 'pcm' | 'stored' | 'sampled'; width: number; image: ImageData };

/** Drawn spectrograms by audio file, window and width (a few: the overview, and the windows last seen). */
const cache = new Map<string, Drawn>();
const CACHE_SIZE = 6;
/** The stored overview by audio file: null when the file has none (ingested before it existed). */
const stored = new Map<string, Promise<Spectrogram | null>>();

function storedSpectrogram(audioFileId: string): Promise<Spectrogram | null> {
  let p = stored.get(audioFileId);
  if (!p) {
    p = fetch(`/api/audio/${audioFileId}/spectrogram`).then(async (res) => {
      if (res.status === 404) return null;
      if (!res.ok) throw new Error(`the spectrogram overview could not be read (HTTP ${res.status})`);
      return parseSpectrogram(new Uint8Array(await res.arrayBuffer()));
    });
    p.catch(() => stored.delete(audioFileId)); // a failed read is tried again next time
    stored.set(audioFileId, p);
  }
  return p;
}

async function wavInfo(url: string, signal: AbortSignal): Promise<WavInfo> {
  const res = await fetch(url, { headers: { range: 'bytes=0-4095' }, signal });
  const buf = new DataView(await res.arrayBuffer());
  let sampleRate = 16000;
  for (let p = 12; p + 8 <= buf.byteLength; ) {
    const id = String.fromCharCode(buf.getUint8(p), buf.getUint8(p + 1), buf.getUint8(p + 2), buf.getUint8(p + 3));
    const size = buf.getUint32(p + 4, true);
    if (id === 'fmt ') sampleRate = buf.getUint32(p + 12, true);
    if (id === 'data') return { dataOffset: p + 8, sampleRate };
    p += 8 + size + (size % 2);
  }
  throw new Error('No data chunk in the WAV header');
}

async function readSamples(url: string, info: WavInfo, first: number, count: number, signal: AbortSignal): Promise<Int16Array> {
  const from = info.dataOffset + first * 2;
  const res = await fetch(url, { headers: { range: `bytes=${from}-${from + count * 2 - 1}` }, signal });
  const bytes = await res.arrayBuffer();
  return new Int16Array(bytes, 0, Math.floor(bytes.byteLength / 2));
}

/** Power spectrum in dB (BINS values) of the Hann-windowed frame of `samples` starting at `at` (zeros outside). */
function frameDb(fft: Fft, samples: Int16Array, at: number, frame: Float64Array, power: Float64Array, out: Float32Array, add: boolean) {
  for (let i = 0; i < FFT_SIZE; i++) {
    const s = samples[at + i] ?? 0;
    frame[i] = (s / 32768) * (0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (FFT_SIZE - 1)));
  }
  fft.powerSpectrum(frame, power);
  for (let b = 0; b < BINS; b++) out[b] = (add ? out[b]! : 0) + (power[b] ?? 0);
}

/** dB levels, column-major (`bins` per column, lowest first), painted into an image `width` wide with the palette. */
function paint(levels: Float32Array, columns: number, width: number, bins = BINS): ImageData {
  const { floor, top } = dbWindow(levels);
  const img = new ImageData(width, HEIGHT);
  for (let x = 0; x < width; x++) {
    const c = Math.min(columns - 1, Math.floor((x / width) * columns));
    for (let y = 0; y < HEIGHT; y++) {
      const bin = Math.floor(((HEIGHT - 1 - y) / HEIGHT) * bins);
      const db = levels[c * bins + bin]!;
      const v = Math.max(0, Math.min(255, Math.round(((db - floor) / (top - floor)) * 255)));
      const o = (y * width + x) * 4;
      img.data[o] = PALETTE[v * 3]!;
      img.data[o + 1] = PALETTE[v * 3 + 1]!;
      img.data[o + 2] = PALETTE[v * 3 + 2]!;
      img.data[o + 3] = 255;
    }
  }
  return img;
}

async function compute(audioFileId: string, start: number, end: number, width: number, signal: AbortSignal): Promise<Drawn> {
  const url = `/api/audio/${audioFileId}/pcm`;
  if (spectrogramPlan({ start, end, width, sampleRate: 16000 }).kind === 'sampled') {
    const sg = await storedSpectrogram(audioFileId);
    if (signal.aborted) throw signal.reason;
    if (sg) {
      const levels = storedSpectrogramLevels(sg, { start, end, width });
      return { mode: 'overview', source: 'stored', width, image: paint(levels, width, width, sg.bands) };
    }
  }
  const info = await wavInfo(url, signal);
  const plan = spectrogramPlan({ start, end, width, sampleRate: info.sampleRate, excerpt: 2 * FFT_SIZE });
  const fft = new Fft(FFT_SIZE);
  const frame = new Float64Array(FFT_SIZE);
  const power = new Float64Array(FFT_SIZE / 2 + 1);
  const toDb = (col: Float32Array, n: number) => {
    for (let b = 0; b < BINS; b++) col[b] = 10 * Math.log10(col[b]! / n + 1e-18);
  };
  if (plan.kind === 'contiguous') {
    const samples = await readSamples(url, info, plan.first, plan.last - plan.first, signal);
    const levels = new Float32Array(width * BINS);
    for (let x = 0; x < width; x++) {
      const col = levels.subarray(x * BINS, (x + 1) * BINS);
      frameDb(fft, samples, Math.floor((x / width) * samples.length) - FFT_SIZE / 2, frame, power, col, false);
      toDb(col, 1);
    }
    return { mode: 'detailed', source: 'pcm', width, image: paint(levels, width, width) };
  }
  const { columns } = plan;
  const levels = new Float32Array(columns.length * BINS);
  let next = 0;
  const worker = async () => {
    while (next < columns.length) {
      const c = next++;
      const { first, count } = columns[c]!;
      const samples = await readSamples(url, info, first, count, signal);
      const col = levels.subarray(c * BINS, (c + 1) * BINS);
      // three half-overlapping frames over the excerpt, averaged
      for (let k = 0; k < 3; k++) frameDb(fft, samples, (k * FFT_SIZE) / 2, frame, power, col, k > 0);
      toDb(col, 3);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { mode: 'overview', source: 'sampled', width, image: paint(levels, columns.length, width) };
}

export function SpectrogramView({ audioFileId, start, end }: { audioFileId: string; start: number; end: number }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [state, setState] = useState<{ status: 'loading' | 'drawn'; mode: Drawn['mode'] | null; source: Drawn['source'] | null }>({
    status: 'loading',
    mode: null,
    source: null,
  });

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const ac = new AbortController();
    const timer = setTimeout(async () => {
      const width = Math.max(1, canvas.clientWidth);
      const key = `${audioFileId}|${start.toFixed(2)}|${end.toFixed(2)}|${width}`;
      setState((s) => (s.status === 'loading' ? s : { ...s, status: 'loading' }));
      try {
        const drawn = cache.get(key) ?? (await compute(audioFileId, start, end, width, ac.signal));
        if (ac.signal.aborted) return;
        cache.delete(key);
        cache.set(key, drawn);
        if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
        canvas.width = drawn.width;
        canvas.height = HEIGHT;
        canvas.getContext('2d')?.putImageData(drawn.image, 0, 0);
        setMessage(null);
        setState({ status: 'drawn', mode: drawn.mode, source: drawn.source });
      } catch (e) {
        if (!ac.signal.aborted) setMessage(`Spectrogram unavailable: ${e instanceof Error ? e.message : String(e)}`);
      }
    }, 300);
    return () => {
      clearTimeout(timer);
      ac.abort();
    };
  }, [audioFileId, start, end]);

  return (
    <div className="mb-1">
      <canvas
        ref={canvasRef}
        data-testid="spectrogram"
        data-state={state.status}
        data-mode={state.mode ?? ''}
        data-source={state.source ?? ''}
        aria-label={`Spectrogram ${start.toFixed(1)}–${end.toFixed(1)} s`}
        role="img"
        className="h-32 w-full bg-[#440154]"
      />
      {state.source === 'stored' && (
        <p className="text-xs text-slate-500">Overview: computed once per file (10 columns a second, 64 mel bands up to 8 kHz). Zoom in to 30 s or less for every frame.</p>
      )}
      {state.source === 'sampled' && (
        <p className="text-xs text-slate-500">
          Overview: a 64 ms glimpse per column (this file was ingested before overviews were stored; re-run its ingest for one). Zoom in to 30 s or less for every frame.
        </p>
      )}
      {message && <p className="text-xs text-slate-500">{message}</p>}
    </div>
  );
}
