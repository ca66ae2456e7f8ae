// A stored folder as a local one: every object under a key prefix copied into a local directory, for work that
// needs the files on disk (training reads an export's shards many times over). Each object is streamed to its
// own file by storage.download (temp name, then renamed), a few at a time.
import path from 'node:path';
import { AppError } from '../errors/app-error.ts';
import type { Storage, StoredEntry } from './storage.ts';

/** A copied object: its key and size, its path below the prefix ('tfrecord/train-00000-of-00002.tfrecord') and the local file. */
export type DownloadedEntry = StoredEntry & { relative: string; file: string };

export type DownloadPrefixOptions = {
  /** Which objects to copy, by their path below the prefix; default all. */
  filter?: (relative: string) => boolean;
  /** Stops between files (what is already copied stays for the caller to remove). */
  signal?: AbortSignal;
  /** Files copied at once; default 4. */
  concurrency?: number;
};

/** Copies every object under `prefix/` ('' for all) to `<toDir>/<path below the prefix>`; gives back what it copied, sorted by key. */
export async function downloadPrefix(storage: Storage, prefix: string, toDir: string, opts: DownloadPrefixOptions = {}): Promise<DownloadedEntry[]> {
  const root = path.resolve(toDir);
  const base = prefix === '' ? '' : `${prefix}/`;
  const entries = (await storage.list(prefix))
    .map((e) => {
      const relative = e.key.slice(base.length);
      const file = path.resolve(root, ...relative.split('/'));
      // keys have no '.' or '..' segment (assertKey), so this only guards against a backend's surprise
      if (!file.startsWith(root + path.sep)) throw new AppError('INVALID_INPUT', `Stored key "${e.key}" lies outside "${prefix}".`);
      return { ...e, relative, file };
    })
    .filter((e) => opts.filter?.(e.relative) ?? true);
  let next = 0;
  const worker = async () => {
    while (next < entries.length) {
      opts.signal?.throwIfAborted();
      const e = entries[next++]!;
      await storage.download(e.key, e.file);
    }
  };
  await Promise.all(Array.from({ length: Math.min(opts.concurrency ?? 4, entries.length) }, worker));
  return entries;
}
