import { AppError } from '../errors/app-error.ts';
import { getDb } from '../db/client.ts';
import { cancelJob } from '../jobs/cancel-job.ts';
import { getExport, getExportRow } from './get-export.ts';
import type { ExportView } from './export-view.ts';

/** A queued export is cancelled at once; a running one stops at its next heartbeat (its job aborts). */
export async function cancelExport(exportId: string): Promise<ExportView> {
  const row = await getExportRow(exportId);
  if (row.status !== 'queued' && row.status !== 'running') {
    throw new AppError('CONFLICT', `The export is ${row.status}; only a queued or running export can be cancelled.`);
  }
  if (row.jobId) {
    const job = await cancelJob(row.jobId);
    if (job.status === 'cancelled') {
      await getDb().export.updateMany({ where: { id: exportId, status: { in: ['queued', 'running'] } }, data: { status: 'cancelled', finishedAt: new Date() } });
    }
  }
  return getExport(exportId);
}
