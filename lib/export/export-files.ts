// The files of a finished export, for listing, download and the archive: read through storage (exports/<id>/…)
// or, for an export made before that, from its directory (export-file-source.ts). A requested path must be a
// plain relative path of the export (no "..", no absolute paths, no symlinks out of a directory).
import path from 'node:path';
import type { Readable } from 'node:stream';
import { AppError } from '../errors/app-error.ts';
import type { ByteRange } from '../storage/storage.ts';
import { exportFileSource, type ExportFile, type ExportFileSource } from './export-file-source.ts';
import { getExportRow } from './get-export.ts';
import type { TarEntry } from './tar-stream.ts';

export type { ExportFile } from './export-file-source.ts';

async function finishedFiles(exportId: string): Promise<ExportFileSource> {
  const row = await getExportRow(exportId);
  if (row.status !== 'succeeded') throw new AppError('CONFLICT', `The export is ${row.status}; its files are ready once it has succeeded.`);
  return exportFileSource(row);
}

export async function listExportFiles(exportId: string): Promise<ExportFile[]> {
  return (await finishedFiles(exportId)).list();
}

export type OpenedExportFile = {
  /** The file's own name (the last path segment). */
  name: string;
  bytes: number;
  /** Its bytes, or an inclusive range of them, streamed (S3: a ranged GetObject). */
  read(range?: ByteRange): Readable;
};

/** One file of the export, or NOT_FOUND; never outside the export. */
export async function openExportFile(exportId: string, relPath: string): Promise<OpenedExportFile> {
  const files = await finishedFiles(exportId);
  const bytes = await files.size(relPath); // checks the path first (INVALID_INPUT)
  if (bytes === null) throw new AppError('NOT_FOUND', `The export has no file "${relPath}".`);
  return { name: path.posix.basename(relPath), bytes, read: (range) => files.read(relPath, range) };
}

/** The whole export as tar entries under `alinea-<id>/`, each file streamed when the archive reaches it. */
export async function exportArchive(exportId: string): Promise<{ name: string; entries: TarEntry[] }> {
  const files = await finishedFiles(exportId);
  const name = `alinea-${exportId}`;
  const entries = (await files.list()).map((f) => ({ name: `${name}/${f.path}`, bytes: f.bytes, open: () => files.read(f.path) }));
  return { name, entries };
}
