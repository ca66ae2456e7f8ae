import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../errors/app-error.ts';

export type WavInfo = {
  sampleRate: number;
  channels: number;
  bitsPerSample: number;
  /** 1 = integer PCM, 3 = IEEE float (WAVE_FORMAT_EXTENSIBLE is resolved to its sub-format). */
  audioFormat: number;
  /** Bytes per frame (all channels of one sample instant). */
  blockAlign: number;
  /** Byte offset of the first sample in the file. */
  dataOffset: number;
  dataBytes: number;
  /** Frames, i.e. samples per channel (equals samples for mono). */
  samples: number;
};

export type StreamWavOptions = {
  /** First frame to read (default 0). */
  start?: number;
  /** Frame to stop before, exclusive (default: end of data). */
  end?: number;
  /** Frames per yielded chunk (default 65 536); the last chunk may be shorter. */
  chunkSamples?: number;
};

const WAVE_FORMAT_PCM = 1;
const WAVE_FORMAT_EXTENSIBLE = 0xfffe;
const UINT32_MAX = 0xffffffff;
// Int16Array views over file bytes are only valid on little-endian hosts (x64, arm64: all we run on).
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function notWav(file: string, why: string): AppError {
  return new AppError(
    'UNSUPPORTED_MEDIA',
    `"${path.basename(file)}" is not a readable WAV file (${why}). Convert it to PCM WAV with convertToPcm first.`,
    { file: path.basename(file), reason: why },
  );
}

/**
 * Parses a RIFF/WAVE (or RF64) header: walks the chunk list (skipping LIST, JUNK, fact …) up to `data`.
 * Only the header is read; the samples stay on disk.
 */
export async function openWav(file: string): Promise<WavInfo> {
  const fh = await open(file, 'r');
  try {
    const fileSize = (await fh.stat()).size;
    const read = async (pos: number, len: number): Promise<Buffer> => {
      const buf = Buffer.alloc(len);
      const { bytesRead } = await fh.read(buf, 0, len, pos);
      return buf.subarray(0, bytesRead);
    };

    const riff = await read(0, 12);
    const magic = riff.toString('latin1', 0, 4);
    if (riff.length < 12 || (magic !== 'RIFF' && magic !== 'RF64') || riff.toString('latin1', 8, 12) !== 'WAVE') {
      throw notWav(file, 'no RIFF/WAVE header');
    }

    let fmt: Omit<WavInfo, 'dataOffset' | 'dataBytes' | 'samples'> | undefined;
    let rf64DataBytes: number | undefined;
    let pos = 12;
    while (pos + 8 <= fileSize) {
      const head = await read(pos, 8);
      if (head.length < 8) break;
      const id = head.toString('latin1', 0, 4);
      const size = head.readUInt32LE(4);
      const body = pos + 8;

      if (id === 'ds64') {
        // RF64: the real 64-bit sizes live here; the 32-bit fields hold 0xFFFFFFFF.
        const ds = await read(body, 16);
        if (ds.length === 16) rf64DataBytes = Number(ds.readBigUInt64LE(8));
      } else if (id === 'fmt ') {
        const b = await read(body, Math.min(size, 40));
        if (b.length < 16) throw notWav(file, 'truncated fmt chunk');
        let audioFormat = b.readUInt16LE(0);
        if (audioFormat === WAVE_FORMAT_EXTENSIBLE && b.length >= 26) audioFormat = b.readUInt16LE(24);
        fmt = {
          audioFormat,
          channels: b.readUInt16LE(2),
          sampleRate: b.readUInt32LE(4),
          blockAlign: b.readUInt16LE(12),
          bitsPerSample: b.readUInt16LE(14),
        };
      } else if (id === 'data') {
        if (!fmt) throw notWav(file, 'data chunk before fmt chunk');
        if (fmt.channels === 0 || fmt.blockAlign === 0) throw notWav(file, 'zero channels or block size');
        const available = fileSize - body;
        // Writers that stream to a pipe leave 0 / 0xFFFFFFFF here; trust the file size then.
        let dataBytes = magic === 'RF64' && size === UINT32_MAX && rf64DataBytes !== undefined ? rf64DataBytes : size;
        if (dataBytes === 0 || dataBytes === UINT32_MAX || dataBytes > available) dataBytes = available;
        dataBytes -= dataBytes % fmt.blockAlign;
        return { ...fmt, dataOffset: body, dataBytes, samples: dataBytes / fmt.blockAlign };
      }
      pos = body + size + (size % 2); // chunks are padded to even sizes
    }
    throw notWav(file, 'no data chunk');
  } finally {
    await fh.close();
  }
}

/**
 * Streams 16-bit PCM samples as Int16Array chunks (interleaved when multi-channel), reading only the
 * requested frame range from disk. Chunks are zero-copy views when the read buffer is aligned.
 */
export async function* streamWavSamples(
  file: string,
  opts: StreamWavOptions = {},
): AsyncGenerator<Int16Array, void, undefined> {
  const info = await openWav(file);
  if (info.audioFormat !== WAVE_FORMAT_PCM || info.bitsPerSample !== 16) {
    throw notWav(file, `expected 16-bit PCM, got format ${info.audioFormat} with ${info.bitsPerSample} bits`);
  }
  const start = Math.max(0, Math.min(info.samples, Math.floor(opts.start ?? 0)));
  const end = Math.max(start, Math.min(info.samples, Math.floor(opts.end ?? info.samples)));
  if (end === start) return;
  const chunkSamples = Math.max(1, Math.floor(opts.chunkSamples ?? 65_536));

  const stream = createReadStream(file, {
    start: info.dataOffset + start * info.blockAlign,
    end: info.dataOffset + end * info.blockAlign - 1, // inclusive
    highWaterMark: chunkSamples * info.blockAlign,
  });
  // A read may end mid-sample or mid-frame; hold the remainder back for the next one.
  let carry: Buffer | null = null;
  try {
    for await (const piece of stream as AsyncIterable<Buffer>) {
      let buf: Buffer = carry ? Buffer.concat([carry, piece]) : piece;
      const usable = buf.length - (buf.length % info.blockAlign);
      carry = usable < buf.length ? Buffer.from(buf.subarray(usable)) : null;
      if (usable === 0) continue;
      buf = buf.subarray(0, usable);
      yield toInt16(buf);
    }
  } finally {
    stream.destroy();
  }
}

function toInt16(buf: Buffer): Int16Array {
  const n = buf.length >> 1;
  if (LITTLE_ENDIAN && buf.byteOffset % 2 === 0) return new Int16Array(buf.buffer, buf.byteOffset, n);
  const out = new Int16Array(n);
  for (let i = 0; i < n; i++) out[i] = buf.readInt16LE(i * 2);
  return out;
}
