// An export into a plain local directory: `alinea export --out DIR` and the bench. Writes DESIGN.md's layout:
//   dataset.json  vocab.txt  tfrecord/{split}-NNNNN-of-MMMMM.tfrecord[.gz]
//   tfrecord-t2t/alinea_speech-{split}-NNNNN-of-MMMMM      (optional, tensor2tensor names)
//   librispeech/{split}/<spk>/<chap>/<spk>-<chap>-<utt>.flac + <spk>-<chap>.trans.txt
//   manifests/{split}.jsonl
// Order: books (creation), chapters (position), fragments (position), sentences (with unit 'sentence').
// It is built into `<dir>.partial/` (buildExport, resumable from its journal) and renamed to `<dir>` at the end.
// The app's exports go to storage instead (publish-export.ts).
import { mkdir, readdir, rename, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../errors/app-error.ts';
import type { ExportSettings } from './export-settings.ts';
import { buildExport, finishExportStats, type ExportStats } from './build-export.ts';
import { saveSplitRegistry } from './split-registry.ts';
import type { ShardInfo } from './write-export-files.ts';

export type { ExportStats } from './build-export.ts';
export type { ShardInfo } from './write-export-files.ts';

export type RunExportOptions = {
  settings: ExportSettings;
  /** The export directory to create (must not exist, or be empty). */
  dir: string;
  signal?: AbortSignal;
  progress?: (fraction: number, message: string) => void;
  /** Test hook: called after each shard is finished (e.g. to simulate a crash). */
  onShardDone?: (shard: ShardInfo) => void;
};

export async function runExport(opts: RunExportOptions): Promise<ExportStats> {
  const dir = path.resolve(opts.dir);
  const staging = `${dir}.partial`;
  await mkdir(path.dirname(dir), { recursive: true });
  if (await isNonEmptyDir(dir)) {
    throw new AppError('CONFLICT', `${dir} already exists and is not empty. Choose a new output directory or remove it.`);
  }
  const built = await buildExport({ settings: opts.settings, staging, signal: opts.signal, progress: opts.progress, onShardDone: opts.onShardDone });
  opts.signal?.throwIfAborted();
  if (await exists(dir)) await rmdir(dir); // empty (checked above)
  await rename(staging, dir);
  await saveSplitRegistry(opts.settings, built.groups);
  return finishExportStats(built, opts.progress);
}

async function exists(p: string): Promise<boolean> {
  try {
    await readdir(p);
    return true;
  } catch {
    return false;
  }
}

async function isNonEmptyDir(p: string): Promise<boolean> {
  try {
    return (await readdir(p)).length > 0;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOTDIR') return true;
    return false;
  }
}
