// Random access to bytes, for readers of binary formats (the peaks file) that want a few ranges of a file, not
// all of it: a local file (one open handle) or a stored object (one ranged read each; S3: a Range GetObject).
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import type { Storage } from './storage.ts';

export type ByteSource = {
  /** The file or key, for messages. */
  name: string;
  /** Up to `length` bytes from `position`; fewer at the end. */
  read(position: number, length: number): Promise<Buffer>;
  close(): Promise<void>;
};

export async function openFileByteSource(file: string): Promise<ByteSource> {
  const fh = await open(file, 'r');
  return {
    name: file,
    async read(position, length) {
      const buf = Buffer.alloc(length);
      const { bytesRead } = await fh.read(buf, 0, length, position);
      return buf.subarray(0, bytesRead);
    },
    close: () => fh.close(),
  };
}

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

export function storedByteSource(storage: Storage, key: string): ByteSource {
  return {
    name: key,
    read: (position, length) => (length <= 0 ? Promise.resolve(Buffer.alloc(0)) : collect(storage.read(key, { start: position, end: position + length - 1 }))),
    close: async () => undefined,
  };
}
