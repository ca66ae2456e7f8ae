// The local backend: files under a directory (<data dir>/files by default).
import { createReadStream, createWriteStream } from 'node:fs';
import { chmod, copyFile, cp, mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { createHash, randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '../config/make-data-private.ts';
import { meter } from './meter.ts';
import type { ByteRange, Storage, StoredEntry } from './storage.ts';
import { assertKey } from './storage-key.ts';
import { sweepStaleTempFiles, type SweepResult } from './sweep-stale-temp-files.ts';
import { publishAtomic } from './write-file-atomic.ts';

/** Every file under `dir` (relative paths with '/'), sorted; temp names (`*.part`, `*.tmp`, `.tmp/`) skipped. */
export async function listLocalFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (folder: string, rel: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return;
      throw e;
    }
    for (const e of entries) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (e.name !== '.tmp' && !e.name.endsWith('.part')) await walk(path.join(folder, e.name), r);
      } else if (e.isFile() && !e.name.endsWith('.part') && !e.name.endsWith('.tmp')) out.push(r);
    }
  };
  await walk(dir, '');
  return out.sort();
}

export class LocalStorage implements Storage {
  readonly kind = 'local' as const;

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
    // a source that fails before the pipeline below listens (a client gone during mkdir) fails this put
    let early: unknown;
    const onEarly = (e: unknown) => (early ??= e);
    source.on('error', onEarly);
    await mkdir(path.dirname(target), { recursive: true, mode: PRIVATE_DIR_MODE }).finally(() => source.off('error', onEarly));
    if (early !== undefined) throw early;
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

  async putWith<T>(key: string, write: (file: string) => Promise<T>): Promise<T> {
    const target = this.localPath(key);
    await mkdir(path.dirname(target), { recursive: true, mode: PRIVATE_DIR_MODE });
    return publishAtomic(target, write);
  }

  async putDirectory(prefix: string, fromDir: string, opts: { move?: boolean; last?: string[] } = {}): Promise<StoredEntry[]> {
    const target = this.localPath(prefix);
    await mkdir(path.dirname(target), { recursive: true, mode: PRIVATE_DIR_MODE });
    // A whole directory is published by one rename: no reader sees part of it.
    await publishAtomic(
      target,
      async (part) => {
        const moved = opts.move && (await rename(fromDir, part).then(() => true, () => false));
        if (!moved) {
          await cp(fromDir, part, { recursive: true });
          if (opts.move) await rm(fromDir, { recursive: true, force: true });
        }
        await chmod(part, PRIVATE_DIR_MODE);
      },
      { directory: true },
    );
    const files = await listLocalFiles(target);
    return Promise.all(files.map(async (f) => ({ key: `${prefix}/${f}`, size: (await stat(path.join(target, f))).size })));
  }

  read(key: string, range?: ByteRange): Readable {
    return createReadStream(this.localPath(key), range);
  }

  readAll(key: string): Promise<Buffer> {
    return readFile(this.localPath(key));
  }

  async size(key: string): Promise<number | null> {
    const file = this.localPath(key);
    try {
      const st = await stat(file);
      return st.isFile() ? st.size : null;
    } catch {
      return null;
    }
  }

  async stat(key: string): Promise<{ size: number; version: string } | null> {
    const file = this.localPath(key);
    const st = await stat(file).catch(() => null);
    // a replaced file is a new inode (rename), usually with a new mtime
    return st?.isFile() ? { size: st.size, version: `${st.ino}:${st.mtimeMs}:${st.size}` } : null;
  }

  async exists(key: string): Promise<boolean> {
    return (await this.size(key)) !== null;
  }

  async list(prefix: string): Promise<StoredEntry[]> {
    const dir = prefix === '' ? this.root : this.localPath(prefix);
    const files = await listLocalFiles(dir);
    const entries = await Promise.all(
      files.map(async (f) => {
        const st = await stat(path.join(dir, f)).catch(() => null); // removed meanwhile
        return st && { key: prefix === '' ? f : `${prefix}/${f}`, size: st.size };
      }),
    );
    return entries.filter((e): e is StoredEntry => e !== null);
  }

  async delete(keyOrPrefix: string): Promise<void> {
    await rm(this.localPath(keyOrPrefix), { recursive: true, force: true });
  }

  withLocalFile<T>(key: string, fn: (file: string) => Promise<T>): Promise<T> {
    return fn(this.localPath(key));
  }

  async download(key: string, toPath: string): Promise<void> {
    const from = this.localPath(key);
    await publishAtomic(toPath, (part) => copyFile(from, part));
  }

  sweepTemp(maxAgeMs?: number): Promise<SweepResult> {
    return sweepStaleTempFiles(this.root, { maxAgeMs });
  }
}
