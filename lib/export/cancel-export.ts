import { getDb } from '../db/client.ts';
import { cancelRowJob } from '../jobs/cancel-row-job.ts';
import { getExport, getExportRow } from './get-export.ts';
import type { ExportView } from './export-view.ts';

/** A queued export is cancelled at once; a running one stops at its next heartbeat (its job aborts). */
export async function cancelExport(exportId: string): Promise<ExportView> {
  await cancelRowJob(await getExportRow(exportId), {
    noun: 'export',
    verb: 'cancelled',
    markCancelled: (u) => getDb().export.updateMany({ where: { id: exportId, ...u.where }, data: u.data }),
  });
  return getExport(exportId);
}
