import { rm } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../errors/app-error.ts';
import { getDb } from '../db/client.ts';
import { isActive } from '../jobs/job-status.ts';
import { getExportRow } from './get-export.ts';
import { exportsRoot } from './start-export.ts';

/** Removes the export's files (and any unfinished staging directory) and its row. Cancel a running one first. */
export async function deleteExport(exportId: string): Promise<void> {
  const row = await getExportRow(exportId);
  const job = row.jobId ? await getDb().job.findUnique({ where: { id: row.jobId } }) : null;
  if (isActive(job)) {
    throw new AppError('CONFLICT', 'The export is still running. Cancel it, wait until it stops, then delete it.');
  }
  const root = exportsRoot();
  const dir = path.resolve(row.dir);
  // Only ever remove what the app created under <dataDir>/exports.
  if (path.dirname(dir) === root && path.basename(dir) === row.id) {
    await rm(dir, { recursive: true, force: true });
    await rm(`${dir}.partial`, { recursive: true, force: true });
  }
  await getDb().export.delete({ where: { id: exportId } });
}
