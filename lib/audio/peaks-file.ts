import { open } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../errors/app-error.ts';
import { openWav, streamWavSamples } from './wav-reader.ts';
import { publishAtomic } from '../storage/write-file-atomic.ts';
import { openFileByteSource, type ByteSource } from '../storage/byte-source.ts';

// File layout, little-endian: "ALPK", u32 version, u32 sampleRate, u32 samplesPerPeak, u32 count,
// then count × (i16 min, i16 max). One pair per bucket of samplesPerPeak frames; the last may be shorter.
const MAGIC = 'ALPK';
const VERSION = 1;
const HEADER_BYTES = 20;
const PAIR_BYTES = 4;
const DEFAULT_SAMPLES_PER_PEAK = 160; // 10 ms at 16 kHz
const IO_PAIRS = 65_536; // pairs buffered per write/read (256 KiB)

export type PeaksInfo = { sampleRate: number; samplesPerPeak: number; count: number };

export type PeaksRange = {
  sampleRate: number;
  samplesPerPeak: number;
  /** Time of the first returned bucket (the requested start rounded down to a bucket). */
  startSec: number;
  /** Interleaved min, max per bucket, in [-1, 1]. */
  peaks: Float32Array;
};

export type ReadPeaksOptions = {
  /** Seconds; default 0. */
  start?: number;
  /** Seconds, exclusive; default end of file. */
  end?: number;
  /** A multiple of the file's samplesPerPeak, for coarser zoom levels; default the file's. */
  samplesPerPeak?: number;
};

/**
 * Precomputes waveform peaks (min/max per bucket, all channels pooled) in one pass over a 16-bit WAV,
 * so the editor never decodes audio to draw it. Written to `outPath.part`, then renamed.
 */
export async function writePeaksFile(
  wavPath: string,
  outPath: string,
  opts: { samplesPerPeak?: number } = {},
): Promise<PeaksInfo> {
  const spp = opts.samplesPerPeak ?? DEFAULT_SAMPLES_PER_PEAK;
  if (!Number.isInteger(spp) || spp < 1) {
    throw new AppError('INVALID_INPUT', `samplesPerPeak must be a positive integer, got ${spp}.`, { samplesPerPeak: spp });
  }
  const wav = await openWav(wavPath);
  const { channels } = wav;
  return publishAtomic(outPath, async (part) => {
    const fh = await open(part, 'w');
    try {
      const header = Buffer.alloc(HEADER_BYTES);
      header.write(MAGIC, 0, 'latin1');
      header.writeUInt32LE(VERSION, 4);
      header.writeUInt32LE(wav.sampleRate, 8);
      header.writeUInt32LE(spp, 12);
      header.writeUInt32LE(Math.ceil(wav.samples / spp), 16); // rewritten with the real count at the end
      await fh.write(header, 0, HEADER_BYTES, 0);

      const out = Buffer.alloc(IO_PAIRS * PAIR_BYTES);
      let outPairs = 0;
      let count = 0;
      let filePos = HEADER_BYTES;
      const flush = async (): Promise<void> => {
        await fh.write(out, 0, outPairs * PAIR_BYTES, filePos);
        filePos += outPairs * PAIR_BYTES;
        outPairs = 0;
      };

      let framesInBucket = 0;
      let min = 32767;
      let max = -32768;
      for await (const chunk of streamWavSamples(wavPath, { chunkSamples: 1 << 16 })) {
        const n = chunk.length;
        let i = 0;
        while (i < n) {
          // Chunks hold whole frames, so `take` is always a whole number of frames.
          const take = Math.min((spp - framesInBucket) * channels, n - i);
          const stop = i + take;
          for (; i < stop; i++) {
            const s = chunk[i]!;
            if (s < min) min = s;
            if (s > max) max = s;
          }
          framesInBucket += take / channels;
          if (framesInBucket === spp) {
            out.writeInt16LE(min, outPairs * PAIR_BYTES);
            out.writeInt16LE(max, outPairs * PAIR_BYTES + 2);
            outPairs++;
            count++;
            framesInBucket = 0;
            min = 32767;
            max = -32768;
            if (outPairs === IO_PAIRS) await flush();
          }
        }
      }
      if (framesInBucket > 0) {
        out.writeInt16LE(min, outPairs * PAIR_BYTES);
        out.writeInt16LE(max, outPairs * PAIR_BYTES + 2);
        outPairs++;
        count++;
      }
      await flush();
      header.writeUInt32LE(count, 16);
      await fh.write(header, 16, 4, 16);
      await fh.close();
      return { sampleRate: wav.sampleRate, samplesPerPeak: spp, count };
    } catch (err) {
      await fh.close().catch(() => undefined);
      throw err;
    }
  });
}

/**
 * Reads the peaks of a time range, reading only its bytes (of a local file, or of a stored object through a
 * ByteSource: ranged reads); with a coarser samplesPerPeak, each output bucket is the min/max of
 * `samplesPerPeak / file's` stored buckets (aligned to multiples from time 0).
 */
export async function readPeaks(file: string | ByteSource, opts: ReadPeaksOptions = {}): Promise<PeaksRange> {
  const src = typeof file === 'string' ? await openFileByteSource(file) : file;
  try {
    const header = await src.read(0, HEADER_BYTES);
    if (header.length < HEADER_BYTES || header.toString('latin1', 0, 4) !== MAGIC || header.readUInt32LE(4) !== VERSION) {
      throw corrupt(src.name, 'bad header');
    }
    const sampleRate = header.readUInt32LE(8);
    const fileSpp = header.readUInt32LE(12);
    const count = header.readUInt32LE(16);
    if (sampleRate === 0 || fileSpp === 0) throw corrupt(src.name, 'zero sample rate or bucket size');

    const spp = opts.samplesPerPeak ?? fileSpp;
    if (!Number.isInteger(spp) || spp < fileSpp || spp % fileSpp !== 0) {
      throw new AppError(
        'INVALID_INPUT',
        `samplesPerPeak must be a multiple of ${fileSpp} (the stored resolution), got ${spp}.`,
        { samplesPerPeak: spp, stored: fileSpp },
      );
    }
    const startSec = opts.start ?? 0;
    const endSec = opts.end ?? Number.POSITIVE_INFINITY;
    if (!(startSec >= 0) || !(endSec >= startSec)) {
      throw new AppError('INVALID_INPUT', `Peaks range must satisfy 0 ≤ start ≤ end, got ${startSec}…${endSec}.`, {
        start: startSec,
        end: endSec,
      });
    }

    const factor = spp / fileSpp;
    const coarseCount = Math.ceil(count / factor);
    // The epsilon stops float noise (0.15 s × 16 000 / 160 = 15.000000000000002) adding a bucket.
    const first = Math.min(coarseCount, Math.floor((startSec * sampleRate) / spp + 1e-9));
    const last = Math.min(coarseCount, Math.ceil((endSec * sampleRate) / spp - 1e-9));
    const peaks = new Float32Array((last - first) * 2);

    const fineEnd = Math.min(count, last * factor);
    let fine = first * factor;
    let min = 32767;
    let max = -32768;
    let inBucket = 0;
    let o = 0;
    while (fine < fineEnd) {
      const pairs = Math.min(IO_PAIRS, fineEnd - fine);
      const buf = await src.read(HEADER_BYTES + fine * PAIR_BYTES, pairs * PAIR_BYTES);
      if (buf.length < pairs * PAIR_BYTES) throw corrupt(src.name, 'truncated');
      for (let p = 0; p < pairs; p++) {
        const lo = buf.readInt16LE(p * PAIR_BYTES);
        const hi = buf.readInt16LE(p * PAIR_BYTES + 2);
        if (lo < min) min = lo;
        if (hi > max) max = hi;
        if (++inBucket === factor) {
          peaks[o++] = min / 32768;
          peaks[o++] = max / 32768;
          inBucket = 0;
          min = 32767;
          max = -32768;
        }
      }
      fine += pairs;
    }
    if (inBucket > 0) {
      // Last coarse bucket, shorter than `factor` stored buckets.
      peaks[o++] = min / 32768;
      peaks[o++] = max / 32768;
    }
    return { sampleRate, samplesPerPeak: spp, startSec: (first * spp) / sampleRate, peaks };
  } finally {
    if (typeof file === 'string') await src.close();
  }
}

function corrupt(file: string, why: string): AppError {
  const name = path.basename(file);
  return new AppError(
    'UNSUPPORTED_MEDIA',
    `"${name}" is not a valid peaks file (${why}). Regenerate it from the chapter's WAV with writePeaksFile.`,
    { file: name, reason: why },
  );
}
