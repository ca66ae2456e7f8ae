// Temp-then-rename: readers see the old file or the new one, never half of it; a crash leaves at most a `.part`
// beside it (see partPath), which the next attempt ignores.
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { partPath } from './part-path.ts';

export type PublishAtomicOptions = {
  /** `write` fills a directory: the old `target` directory is removed just before the new one takes its name. */
  directory?: boolean;
};

/**
 * The stream form: `write` fills a temp path beside `target` (a file it streams, one a child process writes, or a
 * directory); on success the temp path is renamed to `target`, on failure (or abort) it is removed.
 */
export async function publishAtomic<T>(target: string, write: (part: string) => Promise<T>, opts: PublishAtomicOptions = {}): Promise<T> {
  await mkdir(path.dirname(target), { recursive: true });
  const part = partPath(target);
  try {
    const result = await write(part);
    if (opts.directory) await rm(target, { recursive: true, force: true });
    await rename(part, target);
    return result;
  } catch (err) {
    await rm(part, { recursive: true, force: true });
    throw err;
  }
}

export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  await publishAtomic(file, (part) => writeFile(part, data));
}
