import path from 'node:path';
import { AppError } from '../errors/app-error.ts';
import { openWav, streamWavSamples } from '../audio/wav-reader.ts';

export type CutSamplesOptions = {
  /** Segment [begin, end) in seconds; each bound is rounded to the nearest sample (half up). */
  begin: number;
  end: number;
  /** Silence margin added on both sides (default 0), but never past `limits`. */
  padMs?: number;
  /** Where padding must stop, in seconds: typically the previous segment's end and the next one's begin. */
  limits?: { begin?: number; end?: number };
};

export type CutSamplesResult = {
  samples: Int16Array;
  /** The sample range actually cut, [start, end), in samples of the source. */
  start: number;
  end: number;
  sampleRate: number;
};

/**
 * Cuts one utterance out of a 16-bit PCM mono WAV (the 16 kHz working copy), reading only that range.
 * Padding only grows the segment: it is clamped to `limits` and to the file, but the rounded [begin, end)
 * itself is never shrunk by a limit (only by the end of the file).
 */
export async function cutSamples(wavFile: string, opts: CutSamplesOptions): Promise<CutSamplesResult> {
  const { begin, end } = opts;
  const name = path.basename(wavFile);
  if (!Number.isFinite(begin) || !Number.isFinite(end) || begin < 0 || end <= begin) {
    throw new AppError('INVALID_INPUT', `Segment ${begin}–${end} s of "${name}" is not a valid time range.`, { begin, end });
  }
  const padMs = opts.padMs ?? 0;
  if (!Number.isFinite(padMs) || padMs < 0) throw new AppError('INVALID_INPUT', `Padding ${padMs} ms must be ≥ 0.`);
  const info = await openWav(wavFile);
  if (info.channels !== 1) {
    throw new AppError('UNSUPPORTED_MEDIA', `"${name}" has ${info.channels} channels; cut from the mono 16 kHz working copy.`);
  }
  const sr = info.sampleRate;
  const at = (sec: number) => Math.round(sec * sr);
  const start0 = at(begin);
  const end0 = at(end);
  const pad = at(padMs / 1000);
  const lo = opts.limits?.begin !== undefined ? at(opts.limits.begin) : 0;
  const hi = opts.limits?.end !== undefined ? at(opts.limits.end) : info.samples;
  const start = Math.max(0, Math.min(start0, Math.max(start0 - pad, lo)));
  const stop = Math.min(info.samples, Math.max(end0, Math.min(end0 + pad, hi)));
  if (stop <= start) {
    throw new AppError(
      'INVALID_INPUT',
      `Segment ${begin}–${end} s lies outside "${name}" (${(info.samples / sr).toFixed(3)} s). Re-align the chapter.`,
      { begin, end, durationSec: info.samples / sr },
    );
  }

  const samples = new Int16Array(stop - start);
  let filled = 0;
  for await (const chunk of streamWavSamples(wavFile, { start, end: stop })) {
    samples.set(chunk, filled); // copies: chunks may be views of the read buffers
    filled += chunk.length;
  }
  if (filled !== samples.length) throw new AppError('INVALID_INPUT', `"${name}" ended early while cutting ${begin}–${end} s.`);
  return { samples, start, end: stop, sampleRate: sr };
}
