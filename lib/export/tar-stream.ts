// A streaming ustar (POSIX.1-1988) writer: a 512-byte header per file, its bytes padded to 512, two zero
// blocks at the end. Files are read one at a time, so memory stays small whatever the archive's size; the
// total size is known up front (Content-Length). Names up to 255 bytes (prefix + name), sizes < 8 GiB.
// Each entry's bytes come from its own stream (a local file, a stored object), opened when the archive gets to it.
import type { Readable } from 'node:stream';
import { AppError } from '../errors/app-error.ts';

const BLOCK = 512;
const MAX_SIZE = 8 ** 11 - 1;

export type TarEntry = {
  name: string;
  bytes: number;
  mtime?: number;
  /** The file's bytes (createReadStream(file), Storage.read(key)); ended early once `bytes` were read. */
  open(): Readable;
};

export function tarSize(entries: readonly TarEntry[]): number {
  return entries.reduce((a, e) => a + BLOCK + Math.ceil(e.bytes / BLOCK) * BLOCK, 0) + 2 * BLOCK;
}

function octal(buf: Buffer, at: number, width: number, value: number): void {
  buf.write(value.toString(8).padStart(width - 1, '0'), at, width - 1, 'ascii');
  buf[at + width - 1] = 0;
}

export function tarHeader(name: string, size: number, mtime = 0): Buffer {
  if (size > MAX_SIZE) throw new AppError('TOO_LARGE', `"${name}" is over 8 GiB, too large for a tar entry.`);
  const h = Buffer.alloc(BLOCK);
  let prefix = '';
  let base = name;
  if (Buffer.byteLength(name) > 100) {
    // Split at a "/" so that the prefix fits 155 bytes and the rest 100.
    const cut = name.lastIndexOf('/', 155);
    prefix = cut > 0 ? name.slice(0, cut) : '';
    base = cut > 0 ? name.slice(cut + 1) : name;
    if (!prefix || Buffer.byteLength(prefix) > 155 || Buffer.byteLength(base) > 100) {
      throw new AppError('INVALID_INPUT', `"${name}" is too long for a ustar archive.`);
    }
  }
  h.write(base, 0, 100, 'utf8');
  octal(h, 100, 8, 0o644);
  octal(h, 108, 8, 0);
  octal(h, 116, 8, 0);
  octal(h, 124, 12, size);
  octal(h, 136, 12, Math.floor(mtime));
  h.fill(0x20, 148, 156); // checksum computed with its own field as spaces
  h[156] = 0x30; // '0': regular file
  h.write('ustar\0', 257, 6, 'ascii');
  h.write('00', 263, 2, 'ascii');
  h.write(prefix, 345, 155, 'utf8');
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += h[i]!;
  h.write(sum.toString(8).padStart(6, '0'), 148, 6, 'ascii');
  h[154] = 0;
  h[155] = 0x20;
  return h;
}

/** The archive as a stream of buffers. A file whose size changed since listing fails the stream. */
export async function* tarStream(entries: readonly TarEntry[], opts: { signal?: AbortSignal } = {}): AsyncGenerator<Buffer> {
  for (const e of entries) {
    opts.signal?.throwIfAborted();
    yield tarHeader(e.name, e.bytes, e.mtime ?? 0);
    let sent = 0;
    const source = e.open();
    try {
      for await (const chunk of source) {
        const b = chunk as Buffer;
        sent += b.length;
        if (sent > e.bytes) break;
        yield b;
      }
    } finally {
      source.destroy(); // a consumer that stops early (a client gone) ends the read too
    }
    if (sent !== e.bytes) throw new Error(`${e.name.split('/').at(-1)} changed while it was being archived`);
    const pad = (BLOCK - (e.bytes % BLOCK)) % BLOCK;
    if (pad) yield Buffer.alloc(pad);
  }
  yield Buffer.alloc(2 * BLOCK);
}
