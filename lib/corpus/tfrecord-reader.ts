// Reads TFRecord files strictly per tensorflow/core/lib/io/record_reader.cc: uint64 LE length, masked
// CRC-32C of the 8 length bytes, data, masked CRC-32C of the data; the file ends exactly after a record.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { createGunzip } from 'node:zlib';
import { AppError } from '../errors/app-error.ts';
import { crc32c, maskCrc32c } from './crc32c.ts';

export type ReadTFRecordsOptions = {
  /**
   * 'auto' (default): gzip when the file does not start with a valid record header but with the gzip magic
   * (a raw file's first 12 bytes carry their own CRC, so a raw file is never mistaken for gzip).
   */
  compression?: 'auto' | 'gzip' | 'none';
};

/** Larger than any record we write (a 20 s WAV is 640 kB); guards against a corrupt length with a lucky CRC. */
const MAX_RECORD_BYTES = 1 << 30;

function corrupt(file: string, record: number, why: string): AppError {
  const name = path.basename(file);
  return new AppError(
    'INVALID_INPUT',
    `"${name}" is not a valid TFRecord file: record ${record} ${why}. Export the corpus again.`,
    { file: name, record, reason: why },
  );
}

async function detectGzip(file: string): Promise<boolean> {
  const fh = await open(file, 'r');
  try {
    const b = Buffer.alloc(12);
    const { bytesRead } = await fh.read(b, 0, 12, 0);
    if (bytesRead === 12 && maskCrc32c(crc32c(b.subarray(0, 8))) === b.readUInt32LE(8)) return false;
    return bytesRead >= 2 && b[0] === 0x1f && b[1] === 0x8b;
  } finally {
    await fh.close();
  }
}

/** A queue of buffers from which exact byte counts are taken (views when inside one chunk). */
class ByteQueue {
  private chunks: Buffer[] = [];
  private offset = 0; // into chunks[0]
  length = 0;

  push(b: Buffer): void {
    if (b.length === 0) return;
    this.chunks.push(b);
    this.length += b.length;
  }

  take(n: number): Buffer {
    const first = this.chunks[0]!;
    let out: Buffer;
    if (first.length - this.offset >= n) {
      out = first.subarray(this.offset, this.offset + n);
      this.offset += n;
    } else {
      out = Buffer.allocUnsafe(n);
      let filled = 0;
      while (filled < n) {
        const c = this.chunks[0]!;
        const k = Math.min(n - filled, c.length - this.offset);
        c.copy(out, filled, this.offset, this.offset + k);
        filled += k;
        this.offset += k;
        if (this.offset === c.length) {
          this.chunks.shift();
          this.offset = 0;
        }
      }
    }
    if (this.chunks.length > 0 && this.offset === this.chunks[0]!.length) {
      this.chunks.shift();
      this.offset = 0;
    }
    this.length -= n;
    return out;
  }
}

/**
 * Yields the data of each record in order, checking both CRCs. Corruption or truncation throws AppError
 * INVALID_INPUT naming the file and the record's index. Yielded bytes may be views into shared buffers.
 */
export async function* readTFRecords(
  file: string,
  opts: ReadTFRecordsOptions = {},
): AsyncGenerator<Uint8Array, void, undefined> {
  const compression = opts.compression ?? 'auto';
  const gzip = compression === 'gzip' || (compression === 'auto' && (await detectGzip(file)));
  const raw = createReadStream(file, { highWaterMark: 1 << 20 });
  const source = gzip ? raw.pipe(createGunzip()) : raw;
  if (gzip) raw.on('error', (err) => source.destroy(err));

  const q = new ByteQueue();
  let index = 0;
  let length = -1; // data length of the record whose header was read, or -1 when expecting a header
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      q.push(chunk);
      for (;;) {
        if (length < 0) {
          if (q.length < 12) break;
          const h = q.take(12);
          if (maskCrc32c(crc32c(h.subarray(0, 8))) !== h.readUInt32LE(8)) throw corrupt(file, index, 'has a corrupt length (CRC mismatch)');
          const len = h.readBigUInt64LE(0);
          if (len > BigInt(MAX_RECORD_BYTES)) throw corrupt(file, index, `claims ${len} bytes`);
          length = Number(len);
        }
        if (q.length < length + 4) break;
        const data = q.take(length);
        const crc = q.take(4).readUInt32LE(0);
        if (maskCrc32c(crc32c(data)) !== crc) throw corrupt(file, index, 'has corrupt data (CRC mismatch)');
        length = -1;
        index++;
        yield data;
      }
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('Z_')) throw corrupt(file, index, `is in a damaged gzip stream (${code})`);
    throw err;
  } finally {
    source.destroy();
    raw.destroy();
  }
  if (length >= 0 || q.length > 0) throw corrupt(file, index, 'is truncated');
}
