// The export-corpus job's export: built in the worker's scratch directory (buildExport), then published to storage
// under `exports/<id>/` with dataset.json last (Storage.putDirectory: locally one rename of the whole folder; on
// S3 every other object first, so a reader that finds dataset.json finds every file it lists). Nothing needs a
// disk shared with the web server. A cancel or an error while publishing removes what was published.
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { isInterruptedError } from '../errors/interrupted-error.ts';
import { getDb } from '../db/client.ts';
import { isActiveStatus } from '../jobs/job-status.ts';
import { getStorage } from '../storage/storage.ts';
import { buildExport, EXPORT_MANIFEST, finishExportStats, type ExportStats } from './build-export.ts';
import type { ExportSettings } from './export-settings.ts';
import { EXPORT_JOURNAL_SUFFIX, exportJournalFile, exportScratchDir, exportScratchRoot, exportStorageKey } from './export-location.ts';
import { saveSplitRegistry } from './split-registry.ts';
import type { ShardInfo } from './write-export-files.ts';

export type PublishExportOptions = {
  exportId: string;
  settings: ExportSettings;
  signal?: AbortSignal;
  progress?: (fraction: number, message: string) => void;
  /** Test hook: called after each shard is finished (e.g. to simulate a crash). */
  onShardDone?: (shard: ShardInfo) => void;
};

export async function publishExport(opts: PublishExportOptions): Promise<{ stats: ExportStats; storageKey: string }> {
  const { exportId, signal } = opts;
  const storage = getStorage();
  const key = exportStorageKey(exportId);
  const scratch = exportScratchDir(exportId);
  await removeEndedExportScratch(exportId);
  const journalFile = exportJournalFile(exportId);
  // A retried job on this machine resumes from the scratch journal (also after a failed publish: the journal lies
  // beside the scratch directory); on another machine it starts over.
  const built = await buildExport({ settings: opts.settings, staging: scratch, journalFile, signal, progress: opts.progress, onShardDone: opts.onShardDone });
  signal?.throwIfAborted();
  opts.progress?.(0.99, `${built.stats.examples} examples · publishing${storage.kind === 's3' ? ' to the bucket' : ''}…`);
  try {
    const published = await storage.putDirectory(key, scratch, { move: true, last: [EXPORT_MANIFEST] });
    // Every file is there, at its size (a second writer of the same prefix, a lost object, would show here).
    const listed = new Map((await storage.list(key)).map((e) => [e.key, e.size]));
    const missing = published.filter((e) => listed.get(e.key) !== e.size);
    if (missing.length > 0 || listed.size !== published.length) {
      throw new Error(`The export's files in storage do not match what was published (${missing[0]?.key ?? `${listed.size} objects for ${published.length}`}).`);
    }
    // Cancelled (or out of time) while publishing: take it back. A worker that is stopping lets it finish.
    if (signal?.aborted && !isInterruptedError(signal.reason)) throw signal.reason;
  } catch (err) {
    await storage.delete(key).catch(() => undefined);
    throw err;
  }
  await rm(journalFile, { force: true });
  await saveSplitRegistry(opts.settings, built.groups);
  return { stats: finishExportStats(built, opts.progress), storageKey: key };
}

/** Removes what an export left in storage and (unless `keepScratch`, for a retry that resumes) its scratch directory. */
export async function discardExportFiles(exportId: string, opts: { keepScratch?: boolean } = {}): Promise<void> {
  await getStorage().delete(exportStorageKey(exportId));
  if (!opts.keepScratch) {
    await rm(exportScratchDir(exportId), { recursive: true, force: true });
    await rm(exportJournalFile(exportId), { force: true });
  }
}

/**
 * Scratch directories of other exports that have ended (or were deleted): a job that failed on its last attempt
 * elsewhere, or was cancelled while queued for a retry, left its scratch on this machine.
 */
async function removeEndedExportScratch(currentId: string): Promise<void> {
  const names = await readdir(exportScratchRoot()).catch(() => [] as string[]);
  const idOf = (n: string) => (n.endsWith(EXPORT_JOURNAL_SUFFIX) ? n.slice(0, -EXPORT_JOURNAL_SUFFIX.length) : n);
  const others = names.filter((n) => idOf(n) !== currentId);
  if (others.length === 0) return;
  const rows = await getDb().export.findMany({ where: { id: { in: [...new Set(others.map(idOf))] } }, select: { id: true, status: true } });
  const active = new Set(rows.filter((r) => isActiveStatus(r.status)).map((r) => r.id));
  for (const n of others) if (!active.has(idOf(n))) await rm(path.join(exportScratchRoot(), n), { recursive: true, force: true });
}
