// Storage of audio, ebooks and derived files behind keys ("books/<id>/audio/<id>/original.mp3"): a local directory
// (the default, <data dir>/files) or an S3-compatible bucket (ALINEA_STORAGE_URL=s3://…, lib/storage/s3-storage.ts).
// Both keep one contract (lib/storage/storage-contract.test.ts runs on both): writes go to a temp name and are
// published whole, so a reader never sees a half-written file; reads stream, with byte ranges; tools that need a
// file on disk (ffmpeg, the ZIP reader) get one through `withLocalFile` or `download`.
// Locally, folders are made 700 and stored files 600 (uploads are private; the process umask, see
// lib/config/make-data-private.ts, covers the files ffmpeg and others write).
import path from 'node:path';
import type { Readable } from 'node:stream';
import { getConfig } from '../config/env.ts';
import { LocalStorage } from './local-storage.ts';
import { S3Storage } from './s3-storage.ts';
import type { SweepResult } from './sweep-stale-temp-files.ts';

export type StoredFile = { key: string; size: number; sha256: string };
/** A stored object found by `list`. */
export type StoredEntry = { key: string; size: number };
/** Inclusive byte offsets, as in HTTP Range. */
export type ByteRange = { start: number; end: number };

export interface Storage {
  readonly kind: 'local' | 's3';
  /** Streams `source` into `key` (temp name, then published whole), hashing on the way; enforces `maxBytes`. */
  putStream(key: string, source: Readable, opts?: { maxBytes?: number; label?: string }): Promise<StoredFile>;
  /** Stores a local file as `key` (`move`: the local file is gone afterwards). */
  putFile(key: string, fromPath: string, opts?: { move?: boolean }): Promise<StoredFile>;
  /**
   * Stores as `key` the file that `write` makes at the path it is given (ffmpeg's output, a peaks file): locally
   * a temp name beside the target, renamed into place; on S3 a scratch file, uploaded, then removed. When `write`
   * fails nothing is stored and its partial file is removed. Gives back what `write` returned. The path's name
   * says nothing of the format (locally it ends in .part): tell the tool (ffmpeg -f wav).
   */
  putWith<T>(key: string, write: (file: string) => Promise<T>): Promise<T>;
  /**
   * Stores every file under the local directory `fromDir` as `<prefix>/<relative path>` and removes what else was
   * under `prefix`. The files named in `last` (a manifest) are published after all the others, so a reader that
   * finds the manifest finds every file it lists. Locally the whole directory takes its name at once.
   */
  putDirectory(prefix: string, fromDir: string, opts?: { move?: boolean; last?: string[] }): Promise<StoredEntry[]>;
  /** The object's bytes (or one inclusive range of them) as a stream; a missing key errors with code ENOENT. */
  read(key: string, range?: ByteRange): Readable;
  /** The whole object in memory: for small files only (JSON, ebooks). A missing key rejects with code ENOENT. */
  readAll(key: string): Promise<Buffer>;
  /** Size in bytes; null when there is no such object. */
  size(key: string): Promise<number | null>;
  /** Size and an opaque version that changes whenever the object is replaced (for caches); null when missing. */
  stat(key: string): Promise<{ size: number; version: string } | null>;
  exists(key: string): Promise<boolean>;
  /** Every object under `prefix/` ('' for all), sorted by key; temp names are never listed. */
  list(prefix: string): Promise<StoredEntry[]>;
  /** Removes the object `keyOrPrefix` and every object under `keyOrPrefix/`. */
  delete(keyOrPrefix: string): Promise<void>;
  /**
   * Runs `fn` with a local file holding the object, for tools that need a path (ffprobe, ffmpeg, the ZIP reader):
   * the stored file itself locally, a scratch copy downloaded first and removed afterwards on S3. `fn` must
   * only read the file.
   */
  withLocalFile<T>(key: string, fn: (file: string) => Promise<T>): Promise<T>;
  /** Copies the object to the local file `toPath` (written under a temp name, then renamed). */
  download(key: string, toPath: string): Promise<void>;
  /** The stored file's own path: local storage only (S3 throws; use withLocalFile or download). */
  localPath(key: string): string;
  /** A path for local work files (scratch space; under the storage root locally, so rename is atomic). */
  tempPath(suffix?: string): string;
  /** Removes temp files (and, on S3, temp objects) that a crashed writer left for over `maxAgeMs`. */
  sweepTemp(maxAgeMs?: number): Promise<SweepResult>;
}

let cached: { id: string; storage: Storage } | undefined;

/** The configured storage (ALINEA_STORAGE_URL), made once per configuration. */
export function getStorage(): Storage {
  const { storage, dataDir } = getConfig();
  const id = `${JSON.stringify(storage)} ${dataDir}`;
  if (!cached || cached.id !== id) {
    cached = {
      id,
      // S3: local scratch copies go under <data dir>/.tmp, which a worker's start sweeps (sweepStaleTempFiles)
      storage: storage.kind === 'local' ? new LocalStorage(storage.root) : S3Storage.fromConfig(storage, path.join(dataDir, '.tmp', 's3-scratch')),
    };
  }
  return cached.storage;
}
