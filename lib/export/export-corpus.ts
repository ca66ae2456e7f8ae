// The export-corpus job's body: runs the export of an Export row and records its outcome on the row.
import { isAppError } from '../errors/app-error.ts';
import { isInterruptedError } from '../errors/interrupted-error.ts';
import { getDb } from '../db/client.ts';
import { PermanentJobError, type JobContext } from '../jobs/job-definition.ts';
import { isDone } from '../jobs/job-status.ts';
import { parseExportSettings } from './export-settings.ts';
import { runExport, type ExportStats } from './run-export.ts';

export async function exportCorpus(exportId: string, ctx: JobContext): Promise<ExportStats | { skipped: string }> {
  const db = getDb();
  const row = await db.export.findUnique({ where: { id: exportId } });
  if (!row) throw new PermanentJobError(`Export ${exportId} no longer exists.`);
  if (isDone(row)) return { skipped: row.status };
  await db.export.update({ where: { id: exportId }, data: { status: 'running', error: null } });
  try {
    const stats = await runExport({ settings: parseExportSettings(JSON.parse(row.settings)), dir: row.dir, signal: ctx.signal, progress: ctx.progress });
    await db.export.update({ where: { id: exportId }, data: { status: 'succeeded', stats: JSON.stringify(stats), finishedAt: new Date() } });
    return stats;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    // the worker stopped: the job is handed back and the export resumes at the next start
    if (isInterruptedError(ctx.signal.reason)) throw err;
    if (ctx.signal.aborted) {
      await db.export.update({ where: { id: exportId }, data: { status: 'cancelled', error: null, finishedAt: new Date() } }).catch(() => undefined);
      throw err;
    }
    // A changed audio file or an occupied directory will not fix itself: fail now instead of retrying.
    if (isAppError(err) && err.code === 'CONFLICT') {
      await db.export.update({ where: { id: exportId }, data: { status: 'failed', error: message, finishedAt: new Date() } });
      throw new PermanentJobError(message);
    }
    await db.export.update({ where: { id: exportId }, data: { error: message } }).catch(() => undefined);
    throw err;
  }
}
