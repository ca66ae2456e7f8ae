import { rm } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../errors/app-error.ts';
import { getDb } from '../db/client.ts';
import { isActive } from '../jobs/job-status.ts';
import { getStorage } from '../storage/storage.ts';
import { getExportRow } from './get-export.ts';
import { legacyExportsRoot } from './export-location.ts';
import { discardExportFiles } from './publish-export.ts';

/**
 * Removes the export's files and its row: the storage prefix exports/<id> (also what a failed publish left), this
 * machine's scratch directory for it, an older export's directory under <dataDir>/exports, and the checkpoints in
 * storage of the training runs made from it (their rows go with the export's). Cancel a running one first.
 */
export async function deleteExport(exportId: string): Promise<void> {
  const row = await getExportRow(exportId);
  const job = row.jobId ? await getDb().job.findUnique({ where: { id: row.jobId } }) : null;
  if (isActive(job)) {
    throw new AppError('CONFLICT', 'The export is still running. Cancel it, wait until it stops, then delete it.');
  }
  const runs = await getDb().trainingRun.findMany({ where: { exportId }, select: { checkpointKey: true } });
  for (const run of runs) if (run.checkpointKey) await getStorage().delete(run.checkpointKey);
  await discardExportFiles(row.id);
  const root = legacyExportsRoot();
  const dir = path.resolve(row.dir);
  // Only ever remove what the app created under <dataDir>/exports (never a CLI's --out directory).
  if (path.dirname(dir) === root && path.basename(dir) === row.id) {
    await rm(dir, { recursive: true, force: true });
    await rm(`${dir}.partial`, { recursive: true, force: true });
  }
  await getDb().export.delete({ where: { id: exportId } });
}
