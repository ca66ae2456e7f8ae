// Where an export made through the app lives. Its files are published to storage under `exports/<id>/` (a local
// directory or an S3 bucket: workers need no disk shared with the web server); the job builds them first in a
// scratch directory of the worker's own data directory. Exports made before that (Export.storageKey null) lie in
// Export.dir, <data dir>/exports/<id>.
import path from 'node:path';
import { getConfig } from '../config/env.ts';
import { getStorage } from '../storage/storage.ts';

/** The storage key prefix of an export's files: `exports/<id>` (so `exports/<id>/dataset.json` …). */
export function exportStorageKey(exportId: string): string {
  return `exports/${exportId}`;
}

/**
 * The worker's scratch directory for building an export: <data dir>/export-scratch/<id>. A fixed path (not a
 * random temp name, and not under a `.tmp` folder, which a worker's start sweeps of files older than an hour),
 * so a retried job on the same machine resumes from its journal; on another machine it starts over. On local
 * storage it is on the same disk as <data dir>/files, so publishing it is a rename.
 */
export function exportScratchRoot(): string {
  return path.join(getConfig().dataDir, 'export-scratch');
}

export function exportScratchDir(exportId: string): string {
  return path.join(exportScratchRoot(), exportId);
}

/** The build's resume journal, beside its scratch directory (so it is not published, and outlives a failed publish). */
export const EXPORT_JOURNAL_SUFFIX = '.journal.jsonl';

export function exportJournalFile(exportId: string): string {
  return path.join(exportScratchRoot(), `${exportId}${EXPORT_JOURNAL_SUFFIX}`);
}

/** Export.dir of a new export: the published folder on local storage; on S3 its URL, for display only. */
export function exportDisplayDir(exportId: string): string {
  const storage = getStorage();
  const key = exportStorageKey(exportId);
  return storage.kind === 'local' ? storage.localPath(key) : `${String(storage)}${key}`;
}

/** Where the exports made before storage held them live: <data dir>/exports/<id>. */
export function legacyExportsRoot(): string {
  return path.join(getConfig().dataDir, 'exports');
}
