// The files of one export, wherever they are: in storage under its key prefix (exports/<id>/…, what the app's
// export job publishes) or in a plain local directory (an export made before that, `alinea export --out DIR`).
// Paths are "/"-separated, relative to the export; a path is checked (checkExportPath) before it is used, and
// a local directory's file must resolve inside it (no symlinks out).
import { createReadStream } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { AppError } from '../errors/app-error.ts';
import type { ByteRange, Storage } from '../storage/storage.ts';
import { getStorage } from '../storage/storage.ts';

export type ExportFile = { path: string; bytes: number };

export type ExportFileSource = {
  /** The directory or the storage prefix, for messages. */
  readonly where: string;
  /** Every file, in a stable order: dataset.json and vocab.txt first, then by path. */
  list(): Promise<ExportFile[]>;
  /** The file's size, null when the export has no such file. */
  size(relPath: string): Promise<number | null>;
  /** The file's bytes (or one inclusive range of them), streamed. */
  read(relPath: string, range?: ByteRange): Readable;
  /** Runs `fn` with a local file holding the file (the file itself locally, a scratch copy from S3). */
  withLocalFile<T>(relPath: string, fn: (file: string) => Promise<T>): Promise<T>;
};

/** The parts of a relative file path of an export; INVALID_INPUT for "", "..", ".", "a//b", "\\", NUL or "/x". */
export function checkExportPath(relPath: string): string[] {
  const parts = relPath.split('/');
  if (!relPath || relPath.includes('\\') || relPath.includes('\0') || parts.some((p) => p === '' || p === '.' || p === '..')) {
    throw new AppError('INVALID_INPUT', `"${relPath}" is not a file path of this export.`);
  }
  return parts;
}

function sortFiles(files: ExportFile[]): ExportFile[] {
  const rank = (p: string) => (p === 'dataset.json' ? 0 : p === 'vocab.txt' ? 1 : 2);
  return files.sort((a, b) => rank(a.path) - rank(b.path) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export function storedExportFiles(storage: Storage, prefix: string): ExportFileSource {
  const keyOf = (relPath: string) => `${prefix}/${checkExportPath(relPath).join('/')}`;
  return {
    where: prefix,
    async list() {
      const entries = await storage.list(prefix);
      return sortFiles(entries.map((e) => ({ path: e.key.slice(prefix.length + 1), bytes: e.size })));
    },
    size: (relPath) => storage.size(keyOf(relPath)),
    read: (relPath, range) => storage.read(keyOf(relPath), range),
    withLocalFile: (relPath, fn) => storage.withLocalFile(keyOf(relPath), fn),
  };
}

export function dirExportFiles(dirIn: string): ExportFileSource {
  const dir = path.resolve(dirIn);
  const fileOf = (relPath: string) => path.join(dir, ...checkExportPath(relPath));
  return {
    where: dir,
    async list() {
      const entries = await readdir(dir, { withFileTypes: true, recursive: true });
      const files: ExportFile[] = [];
      for (const e of entries) {
        if (!e.isFile()) continue;
        const abs = path.join(e.parentPath, e.name);
        files.push({ path: path.relative(dir, abs).split(path.sep).join('/'), bytes: (await stat(abs)).size });
      }
      return sortFiles(files);
    },
    async size(relPath) {
      const file = fileOf(relPath);
      if (!file.startsWith(dir + path.sep)) return null;
      try {
        const real = await realpath(file);
        if (!real.startsWith((await realpath(dir)) + path.sep)) return null;
        const s = await stat(real);
        return s.isFile() ? s.size : null;
      } catch {
        return null;
      }
    },
    read: (relPath, range) => createReadStream(fileOf(relPath), { ...range, highWaterMark: 1 << 20 }),
    withLocalFile: (relPath, fn) => fn(fileOf(relPath)),
  };
}

/** An Export row's files: through storage when it has a storageKey, else from its directory. */
export function exportFileSource(row: { dir: string; storageKey: string | null }): ExportFileSource {
  return row.storageKey ? storedExportFiles(getStorage(), row.storageKey) : dirExportFiles(row.dir);
}
