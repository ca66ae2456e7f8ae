'use client';
// A spectrogram of the visible window only: its samples come from the PCM route with an HTTP Range (≤ 30 s,
// about 1 MB), so nothing decodes the whole chapter. wavesurfer's spectrogram plugin needs decoded audio for
// the whole file, which this editor never has.
import { useEffect, useRef, useState } from 'react';
import { Fft } from '@/lib/align/fft.ts';

const MAX_WINDOW_SEC = 30;
const FFT_SIZE = 512;
const HEIGHT = 128;

type WavInfo = { dataOffset: number; sampleRate: number };

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

export function SpectrogramView({ audioFileId, start, end }: { audioFileId: string; start: number; end: number }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const ac = new AbortController();
    const timer = setTimeout(async () => {
      if (end - start > MAX_WINDOW_SEC) {
        setMessage(`Zoom in to ${MAX_WINDOW_SEC} s or less to see the spectrogram.`);
        canvas.getContext('2d')?.clearRect(0, 0, canvas.width, canvas.height);
        return;
      }
      try {
        const url = `/api/audio/${audioFileId}/pcm`;
        const info = await wavInfo(url, ac.signal);
        const first = Math.max(0, Math.floor(start * info.sampleRate));
        const last = Math.ceil(end * info.sampleRate);
        const from = info.dataOffset + first * 2;
        const res = await fetch(url, { headers: { range: `bytes=${from}-${info.dataOffset + last * 2 - 1}` }, signal: ac.signal });
        const bytes = await res.arrayBuffer();
        const samples = new Int16Array(bytes, 0, Math.floor(bytes.byteLength / 2));
        const width = Math.max(1, canvas.clientWidth);
        canvas.width = width;
        canvas.height = HEIGHT;
        const ctx = canvas.getContext('2d');
        if (!ctx) return;
        const img = ctx.createImageData(width, HEIGHT);
        const frame = new Float64Array(FFT_SIZE);
        const power = new Float64Array(FFT_SIZE / 2 + 1);
        const fft = new Fft(FFT_SIZE);
        const bins = FFT_SIZE / 2;
        for (let x = 0; x < width; x++) {
          const centre = Math.floor((x / width) * samples.length);
          for (let i = 0; i < FFT_SIZE; i++) {
            const s = samples[centre - FFT_SIZE / 2 + i] ?? 0;
            frame[i] = (s / 32768) * (0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (FFT_SIZE - 1)));
          }
          fft.powerSpectrum(frame, power);
          for (let y = 0; y < HEIGHT; y++) {
            const bin = Math.floor(((HEIGHT - 1 - y) / HEIGHT) * bins);
            const db = 10 * Math.log10((power[bin] ?? 0) + 1e-18);
            const v = Math.max(0, Math.min(255, Math.round(((db + 90) / 90) * 255)));
            const o = (y * width + x) * 4;
            img.data[o] = v;
            img.data[o + 1] = Math.round(v * 0.75);
            img.data[o + 2] = Math.round(v * 0.35);
            img.data[o + 3] = 255;
          }
        }
        ctx.putImageData(img, 0, 0);
        setMessage(null);
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
      <canvas ref={canvasRef} data-testid="spectrogram" aria-label={`Spectrogram ${start.toFixed(1)}–${end.toFixed(1)} s`} role="img" className="h-32 w-full bg-slate-900" />
      {message && <p className="text-xs text-slate-500">{message}</p>}
    </div>
  );
}
