import path from 'node:path';
import { AppError } from '../errors/app-error.ts';
import { probeAudio } from './probe-audio.ts';
import { checkDecodedDuration } from './check-decoded-duration.ts';
import { openWav } from './wav-reader.ts';
import { publishAtomic } from '../storage/write-file-atomic.ts';
import { startChild } from '../process/start-child.ts';

export type ConvertToPcmOptions = {
  /** Input duration, for progress; probed when omitted and onProgress is given. */
  durationSec?: number;
  /** Called with 0..1 (non-decreasing), and with 1 once the output is in place. */
  onProgress?: (fraction: number) => void;
  /** Aborting kills ffmpeg and removes the partial output; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  /**
   * The duration the file's header declares (probeAudio's, unless estimated from the bit rate): decoding clearly
   * less (checkDecodedDuration) rejects the file as truncated, and no output is left.
   */
  declaredDurationSec?: number;
  /** The file's name in errors (the upload's name rather than the storage path); default the input's base name. */
  displayName?: string;
};

export const PCM_SAMPLE_RATE = 16_000;

// swresample with a long windowed-sinc filter (64 taps, 2^12 phases, cutoff 0.95 of Nyquist): high quality and,
// unlike ffmpeg 5.1's soxr here, deterministic (soxr gave different samples on repeated runs of one file, which
// would make re-ingested audio and so exports differ). It also downmixes (0.5·L + 0.5·R) and converts to s16.
const RESAMPLE_FILTER = `aresample=resampler=swr:filter_size=64:phase_shift=12:cutoff=0.95:osr=${PCM_SAMPLE_RATE}:ochl=mono:osf=s16`;
const STDERR_KEEP = 8_192;

/**
 * Decodes any ffmpeg-readable audio to 16 kHz mono 16-bit PCM WAV. Writes `outputWav.part` and renames it
 * on success, so `outputWav` is either complete or absent. Returns the number of samples written. A file that
 * decodes to nothing, or to clearly less than `declaredDurationSec`, is rejected.
 */
export async function convertToPcm(
  input: string,
  outputWav: string,
  opts: ConvertToPcmOptions = {},
): Promise<{ samples: number }> {
  const { onProgress, signal } = opts;
  const name = opts.displayName ?? path.basename(input);
  signal?.throwIfAborted();
  let durationSec = opts.durationSec;
  if (onProgress && !(durationSec && durationSec > 0)) durationSec = (await probeAudio(input, undefined, signal)).durationSec;

  const { samples } = await publishAtomic(outputWav, async (part) => {
    const args = [
      '-hide_banner', '-nostdin', '-nostats', '-v', 'error', '-progress', 'pipe:1', '-y',
      '-i', `file:${path.resolve(input)}`,
      '-map', '0:a:0', '-map_metadata', '-1',
      '-af', RESAMPLE_FILTER, '-ar', String(PCM_SAMPLE_RATE), '-ac', '1', '-c:a', 'pcm_s16le',
      // A seekable file lets ffmpeg patch the RIFF sizes at the end; RF64 kicks in past 4 GiB (~37 h).
      '-rf64', 'auto', '-f', 'wav', `file:${path.resolve(part)}`,
    ];
    signal?.throwIfAborted(); // may have fired while probing
    const result = await runFfmpeg(args, durationSec, onProgress, signal);
    if (result.exit !== 0) {
      throw new AppError(
        'UNSUPPORTED_MEDIA',
        `"${name}" could not be decoded (${result.lastError || `ffmpeg exited with code ${result.exit}`}). ` +
          'Check that it plays, or re-export it as mp3, ogg/opus, flac, wav or m4a.',
        { file: name, stderr: result.stderr },
      );
    }
    const info = await openWav(part);
    if (info.samples === 0) {
      throw new AppError('UNSUPPORTED_MEDIA', `"${name}" decoded to no audio. Upload a file that contains sound.`, {
        file: name,
      });
    }
    if (opts.declaredDurationSec !== undefined) checkDecodedDuration(name, opts.declaredDurationSec, info.samples / PCM_SAMPLE_RATE);
    signal?.throwIfAborted();
    return { samples: info.samples };
  });
  onProgress?.(1);
  return { samples };
}

type FfmpegResult = { exit: number; stderr: string; lastError: string };

async function runFfmpeg(
  args: string[],
  durationSec: number | undefined,
  onProgress: ((fraction: number) => void) | undefined,
  signal: AbortSignal | undefined,
): Promise<FfmpegResult> {
  let pending = '';
  let last = 0;
  let callbackError: { reason: unknown } | null = null;
  // `-progress` prints key=value blocks; out_time_us is the position in the output so far.
  const onStdout = (d: string): void => {
    pending += d;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    if (!onProgress || !durationSec || callbackError) return;
    for (const line of lines) {
      if (!line.startsWith('out_time_us=')) continue;
      const us = Number(line.slice('out_time_us='.length));
      if (!Number.isFinite(us) || us <= 0) continue;
      const fraction = Math.min(1, us / 1e6 / durationSec);
      if (fraction > last) {
        last = fraction;
        try {
          onProgress(fraction);
        } catch (err) {
          // a throwing callback cancels the job rather than crashing the process
          callbackError = { reason: err };
          running.kill();
          return;
        }
      }
    }
  };
  const running = startChild('ffmpeg', args, { signal, onStdout, stderrKeep: STDERR_KEEP });
  const { code, stderr } = await running.exit.catch((err: unknown) => {
    throw callbackError ? callbackError.reason : err;
  });
  if (callbackError) throw (callbackError as { reason: unknown }).reason;
  const lastError = stderr.trim().split('\n').at(-1)?.trim() ?? '';
  return { exit: code, stderr, lastError };
}
