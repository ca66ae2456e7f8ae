// Storage of audio, ebooks and derived files behind keys ("books/<id>/audio/<id>/original.mp3"), so an
// S3-compatible backend can replace the local directory later. Writes go to a temp name and are renamed
// when complete: a reader never sees a half-written file. Folders are made 700 and stored files 600 (uploads are
// private; the process umask, see lib/config/make-data-private.ts, covers the files ffmpeg and others write).
import { createReadStream, createWriteStream } from 'node:fs';
import { chmod, mkdir, rename, rm, stat, copyFile, readFile } from 'node:fs/promises';
import { createHash, randomUUID } from 'node:crypto';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../errors/app-error.ts';
import { getConfig } from '../config/env.ts';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '../config/make-data-private.ts';

export type StoredFile = { key: string; size: number; sha256: string };

export interface Storage {
  /** Streams `source` into `key` (temp name, then rename), hashing on the way; enforces `maxBytes`. */
  putStream(key: string, source: Readable, opts?: { maxBytes?: number; label?: string }): Promise<StoredFile>;
  /** Moves (or copies) a local file into `key`. */
  putFile(key: string, fromPath: string, opts?: { move?: boolean }): Promise<StoredFile>;
  read(key: string, range?: { start: number; end: number }): Readable;
  readAll(key: string): Promise<Buffer>;
  size(key: string): Promise<number | null>;
  delete(keyOrPrefix: string): Promise<void>;
  /** A local path for tools such as ffmpeg (the local backend's file itself). */
  localPath(key: string): string;
  /** A temp path under the storage root for work files (same file system, so rename is atomic). */
  tempPath(suffix?: string): string;
}

function assertKey(key: string): void {
  if (!key || key.startsWith('/') || key.split('/').some((p) => p === '..' || p === '')) {
    throw new AppError('INVALID_INPUT', `Invalid storage key "${key}".`);
  }
}

/** Counts and hashes bytes passing through; fails with TOO_LARGE past the limit. */
export function meter(maxBytes: number | undefined, label: string) {
  const hash = createHash('sha256');
  let size = 0;
  const transform = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      size += chunk.length;
      if (maxBytes !== undefined && size > maxBytes) {
        cb(
          new AppError(
            'TOO_LARGE',
            `${label} is larger than the upload limit of ${Math.round(maxBytes / 1048576)} MB. ` +
              'Split it or raise ALINEA_MAX_UPLOAD_MB.',
            { file: label, limitBytes: maxBytes },
          ),
        );
        return;
      }
      hash.update(chunk);
      cb(null, chunk);
    },
  });
  return { transform, result: () => ({ size, sha256: hash.digest('hex') }) };
}

export class LocalStorage implements Storage {
  constructor(readonly root: string) {}

  localPath(key: string): string {
    assertKey(key);
    return path.join(this.root, key);
  }

  tempPath(suffix = ''): string {
    return path.join(this.root, '.tmp', `${randomUUID()}${suffix}`);
  }

  async putStream(key: string, source: Readable, opts: { maxBytes?: number; label?: string } = {}) {
    const target = this.localPath(key);
    await mkdir(path.dirname(target), { recursive: true, mode: PRIVATE_DIR_MODE });
    const temp = `${target}.${randomUUID()}.part`;
    const m = meter(opts.maxBytes, opts.label ?? path.basename(key));
    try {
      await pipeline(source, m.transform, createWriteStream(temp, { mode: PRIVATE_FILE_MODE }));
      const { size, sha256 } = m.result();
      await rename(temp, target);
      return { key, size, sha256 };
    } catch (e) {
      await rm(temp, { force: true });
      throw e;
    }
  }

  async putFile(key: string, fromPath: string, opts: { move?: boolean } = {}) {
    const target = this.localPath(key);
    await mkdir(path.dirname(target), { recursive: true, mode: PRIVATE_DIR_MODE });
    const hash = createHash('sha256');
    await pipeline(createReadStream(fromPath), hash);
    const temp = `${target}.${randomUUID()}.part`;
    if (opts.move) {
      await rename(fromPath, temp).catch(async () => {
        await copyFile(fromPath, temp);
        await rm(fromPath, { force: true });
      });
    } else {
      await copyFile(fromPath, temp);
    }
    // a moved or copied file keeps its source's mode
    await chmod(temp, PRIVATE_FILE_MODE);
    await rename(temp, target);
    const { size } = await stat(target);
    return { key, size, sha256: hash.digest('hex') };
  }

  read(key: string, range?: { start: number; end: number }): Readable {
    return createReadStream(this.localPath(key), range);
  }

  readAll(key: string): Promise<Buffer> {
    return readFile(this.localPath(key));
  }

  async size(key: string): Promise<number | null> {
    try {
      return (await stat(this.localPath(key))).size;
    } catch {
      return null;
    }
  }

  async delete(keyOrPrefix: string): Promise<void> {
    await rm(this.localPath(keyOrPrefix), { recursive: true, force: true });
  }
}

let cached: { root: string; storage: Storage } | undefined;

export function getStorage(): Storage {
  const root = path.join(getConfig().dataDir, 'files');
  if (!cached || cached.root !== root) cached = { root, storage: new LocalStorage(root) };
  return cached.storage;
}
