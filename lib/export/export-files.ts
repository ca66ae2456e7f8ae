// The files of a finished export, for listing and download. Paths are "/"-separated, relative to the export
// directory; a requested path is resolved and must stay inside it (no "..", no absolute paths, no symlinks out).
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../errors/app-error.ts';
import { getExportRow } from './get-export.ts';

export type ExportFile = { path: string; bytes: number };

async function finishedDir(exportId: string): Promise<string> {
  const row = await getExportRow(exportId);
  if (row.status !== 'succeeded') throw new AppError('CONFLICT', `The export is ${row.status}; its files are ready once it has succeeded.`);
  return path.resolve(row.dir);
}

/** Every file, in a stable order: dataset.json and vocab.txt first, then by path. */
export async function listExportFilesIn(dir: string): Promise<ExportFile[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  const files: ExportFile[] = [];
  for (const e of entries) {
    if (!e.isFile()) continue;
    const abs = path.join(e.parentPath, e.name);
    files.push({ path: path.relative(dir, abs).split(path.sep).join('/'), bytes: (await stat(abs)).size });
  }
  const rank = (p: string) => (p === 'dataset.json' ? 0 : p === 'vocab.txt' ? 1 : 2);
  return files.sort((a, b) => rank(a.path) - rank(b.path) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export async function listExportFiles(exportId: string): Promise<ExportFile[]> {
  return listExportFilesIn(await finishedDir(exportId));
}

/** The absolute path of one file of the export, or NOT_FOUND; never outside the export directory. */
export async function resolveExportFile(exportId: string, relPath: string): Promise<{ file: string; bytes: number; dir: string }> {
  const dir = await finishedDir(exportId);
  const parts = relPath.split('/');
  if (!relPath || relPath.includes('\\') || relPath.includes('\0') || parts.some((p) => p === '' || p === '.' || p === '..')) {
    throw new AppError('INVALID_INPUT', `"${relPath}" is not a file path of this export.`);
  }
  const file = path.resolve(dir, ...parts);
  const notFound = () => new AppError('NOT_FOUND', `The export has no file "${relPath}".`);
  if (!file.startsWith(dir + path.sep)) throw notFound();
  let real: string;
  try {
    real = await realpath(file);
  } catch {
    throw notFound();
  }
  if (!real.startsWith((await realpath(dir)) + path.sep)) throw notFound();
  const s = await stat(real);
  if (!s.isFile()) throw notFound();
  return { file: real, bytes: s.size, dir };
}

export async function exportDirForArchive(exportId: string): Promise<{ dir: string; files: ExportFile[]; name: string }> {
  const dir = await finishedDir(exportId);
  return { dir, files: await listExportFilesIn(dir), name: `alinea-${exportId}` };
}
