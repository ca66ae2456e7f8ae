// The export-corpus job's body: builds the export of an Export row in the worker's scratch directory, publishes it
// to storage (exports/<id>/, publish-export.ts) and records the outcome on the row (storageKey once published).
import { isAppError } from '../errors/app-error.ts';
import { isInterruptedError } from '../errors/interrupted-error.ts';
import { getDb } from '../db/client.ts';
import { PermanentJobError, type JobContext } from '../jobs/job-definition.ts';
import { isDone } from '../jobs/job-status.ts';
import type { ExportStats } from './build-export.ts';
import { parseExportSettings } from './export-settings.ts';
import { discardExportFiles, publishExport } from './publish-export.ts';

export async function exportCorpus(exportId: string, ctx: JobContext): Promise<ExportStats | { skipped: string }> {
  const db = getDb();
  const row = await db.export.findUnique({ where: { id: exportId } });
  if (!row) throw new PermanentJobError(`Export ${exportId} no longer exists.`);
  if (isDone(row)) return { skipped: row.status };
  await db.export.update({ where: { id: exportId }, data: { status: 'running', error: null } });
  try {
    const settings = parseExportSettings(JSON.parse(row.settings));
    const { stats, storageKey } = await publishExport({ exportId, settings, signal: ctx.signal, progress: ctx.progress });
    await db.export.update({ where: { id: exportId }, data: { status: 'succeeded', storageKey, stats: JSON.stringify(stats), finishedAt: new Date() } });
    return stats;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    // the worker stopped: the job is handed back, and resumes from the scratch journal if it runs here again
    if (isInterruptedError(ctx.signal.reason)) throw err;
    // A changed audio file will not fix itself: fail now instead of retrying.
    const permanent = isAppError(err) && err.code === 'CONFLICT';
    const final = ctx.signal.aborted || permanent || ctx.isFinalAttempt;
    // Nothing half-published stays in storage; the scratch stays only for a retry to resume from.
    await discardExportFiles(exportId, { keepScratch: !final }).catch(() => undefined);
    if (ctx.signal.aborted) {
      await db.export.update({ where: { id: exportId }, data: { status: 'cancelled', error: null, finishedAt: new Date() } }).catch(() => undefined);
      throw err;
    }
    if (permanent) {
      await db.export.update({ where: { id: exportId }, data: { status: 'failed', error: message, finishedAt: new Date() } });
      throw new PermanentJobError(message);
    }
    await db.export.update({ where: { id: exportId }, data: { error: message } }).catch(() => undefined);
    throw err;
  }
}
