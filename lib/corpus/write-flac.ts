import { stat } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../errors/app-error.ts';
import { publishAtomic } from '../storage/write-file-atomic.ts';
import { startChild } from '../process/start-child.ts';

export type WriteFlacOptions = {
  /** Default 16 000. */
  sampleRate?: number;
  /** FLAC compression level 0–12 (default 5, ffmpeg's and flac's default). */
  compressionLevel?: number;
  /** Aborting kills ffmpeg and removes the partial file. */
  signal?: AbortSignal;
};

const STDERR_KEEP = 4_096;
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Encodes 16-bit mono samples to `target` as FLAC (lossless) with ffmpeg: raw s16le on stdin, written to a
 * temp name and renamed, so `target` is complete or absent. Bit-exact flags and no metadata make the bytes
 * depend only on the samples and the ffmpeg version.
 */
export async function writeFlac(samples: Int16Array, target: string, opts: WriteFlacOptions = {}): Promise<{ bytes: number }> {
  const { signal } = opts;
  signal?.throwIfAborted();
  const sampleRate = opts.sampleRate ?? 16_000;
  const args = [
    '-hide_banner', '-v', 'error', '-y',
    '-f', 's16le', '-ar', String(sampleRate), '-ac', '1', '-i', 'pipe:0',
    '-map_metadata', '-1', '-fflags', '+bitexact', '-flags:a', '+bitexact',
    '-c:a', 'flac', '-compression_level', String(opts.compressionLevel ?? 5),
  ];
  let pcm: Uint8Array;
  if (LITTLE_ENDIAN) pcm = new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength);
  else {
    const b = Buffer.alloc(samples.length * 2);
    for (let i = 0; i < samples.length; i++) b.writeInt16LE(samples[i]!, i * 2);
    pcm = b;
  }
  return publishAtomic(target, async (part) => {
    const { child, exit: exited } = startChild('ffmpeg', [...args, '-f', 'flac', `file:${path.resolve(part)}`], { streamInput: true, signal, stderrKeep: STDERR_KEEP });
    child.stdin.end(pcm);
    const { code: exit, stderr } = await exited;
    if (exit !== 0) {
      const last = stderr.trim().split('\n').at(-1) ?? '';
      throw new AppError(
        'UNSUPPORTED_MEDIA',
        `FLAC encoding of "${path.basename(target)}" failed (${last || `ffmpeg exited with code ${exit}`}). Check that ffmpeg has its FLAC encoder.`,
        { file: path.basename(target), stderr },
      );
    }
    const { size } = await stat(part);
    return { bytes: size };
  });
}
