// TFRecord files: each record is  uint64 length (LE) | uint32 masked CRC-32C of those 8 bytes |
// data | uint32 masked CRC-32C of data  (tensorflow/core/lib/io/record_writer.cc). With GZIP, the whole
// file is one gzip stream of those bytes, as TFRecordWriter/TFRecordDataset with compression_type='GZIP'.
import { createHash, type Hash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { PassThrough, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { partPath } from '../storage/part-path.ts';
import { crc32c, maskCrc32c } from './crc32c.ts';

export type TFRecordWriterOptions = {
  /** Gzip the whole file (TensorFlow's compression_type='GZIP'). Default false. */
  gzip?: boolean;
  /** zlib level 0–9 when gzip is on (default 6). */
  gzipLevel?: number;
};

export type TFRecordFileInfo = {
  file: string;
  records: number;
  /** Size of the file on disk (compressed when gzip is on). */
  bytes: number;
  /** Framed record bytes before compression (equals bytes without gzip). */
  rawBytes: number;
  /** Hex SHA-256 of the file on disk. */
  sha256: string;
};

/** Framing overhead per record: 8 length + 4 length CRC + 4 data CRC. */
export const TFRECORD_OVERHEAD = 16;

/**
 * Writes records to a temp name beside `file` and renames it to `file` on close(); abort(), a failed write
 * and a failed close remove the temp file, so `file` is either complete or absent. Records are queued without
 * copying: never modify a record's bytes after passing it to write(). write() waits when the queue is full.
 */
export class TFRecordWriter {
  readonly file: string;
  private readonly part: string;
  private readonly head: Transform;
  private readonly done: Promise<void>;
  private readonly hash: Hash = createHash('sha256');
  private failure: unknown = null;
  private closed = false;
  private fileBytes = 0;
  private rawBytes = 0;
  private count = 0;

  constructor(file: string, opts: TFRecordWriterOptions = {}) {
    this.file = file;
    this.part = partPath(file);
    const out = createWriteStream(this.part, { highWaterMark: 1 << 20 });
    const tap = new Transform({
      transform: (chunk: Buffer, _enc, cb) => {
        this.hash.update(chunk);
        this.fileBytes += chunk.length;
        cb(null, chunk);
      },
    });
    this.head = opts.gzip ? createGzip({ level: opts.gzipLevel ?? 6 }) : new PassThrough({ highWaterMark: 1 << 20 });
    this.done = pipeline(this.head, tap, out);
    this.done.catch((err: unknown) => {
      this.failure ??= err;
    });
  }

  get records(): number {
    return this.count;
  }

  /** Framed bytes written so far, before compression. */
  get bytesWritten(): number {
    return this.rawBytes;
  }

  async write(record: Uint8Array): Promise<void> {
    if (this.closed) throw new Error('TFRecordWriter: write after close or abort');
    if (this.failure) {
      await this.abort();
      throw this.failure;
    }
    const header = Buffer.allocUnsafe(12);
    header.writeBigUInt64LE(BigInt(record.length), 0);
    header.writeUInt32LE(maskCrc32c(crc32c(header.subarray(0, 8))), 8);
    const footer = Buffer.allocUnsafe(4);
    footer.writeUInt32LE(maskCrc32c(crc32c(record)), 0);
    this.head.write(header);
    this.head.write(record);
    const ok = this.head.write(footer);
    this.count++;
    this.rawBytes += record.length + TFRECORD_OVERHEAD;
    try {
      if (!ok) await Promise.race([once(this.head, 'drain'), this.done.then(() => undefined)]);
      if (this.failure) throw this.failure;
    } catch (err) {
      await this.abort();
      throw err;
    }
  }

  /** Flushes, closes and renames the file into place. */
  async close(): Promise<TFRecordFileInfo> {
    if (this.closed) throw new Error('TFRecordWriter: closed twice');
    this.closed = true;
    try {
      this.head.end();
      await this.done;
      await rename(this.part, this.file);
    } catch (err) {
      await rm(this.part, { force: true });
      throw err;
    }
    return {
      file: this.file,
      records: this.count,
      bytes: this.fileBytes,
      rawBytes: this.rawBytes,
      sha256: this.hash.digest('hex'),
    };
  }

  /** Stops writing and removes the temp file; `file` is left untouched. */
  async abort(): Promise<void> {
    this.closed = true;
    this.head.destroy();
    await this.done.catch(() => undefined);
    await rm(this.part, { force: true });
  }
}
