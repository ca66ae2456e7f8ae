import { randomUUID } from 'node:crypto';
import { AppError } from '../errors/app-error.ts';
import { getDb } from '../db/client.ts';
import { enqueueJob } from '../jobs/enqueue-job.ts';
import { exportCorpusJob } from './export-jobs.ts';
import { exportDisplayDir } from './export-location.ts';
import { parseExportSettings } from './export-settings.ts';
import { selectExamples } from './select-examples.ts';
import { toExportView, type ExportView } from './export-view.ts';

/**
 * Validates the settings, creates the Export row and queues its job. The job publishes the files to storage under
 * exports/<id>/ and then sets Export.storageKey; Export.dir is where that is, for display.
 */
export async function startExport(input: unknown): Promise<ExportView> {
  const settings = parseExportSettings(input);
  const sel = await selectExamples(settings);
  if (sel.examples.length === 0) {
    throw new AppError('INVALID_INPUT', 'No fragment passes the filters: approve fragments or widen the filters, then export.');
  }
  const db = getDb();
  const id = `exp_${randomUUID().replace(/-/g, '').slice(0, 20)}`;
  const row = await db.export.create({
    data: { id, projectId: settings.projectId, status: 'queued', settings: JSON.stringify(settings), dir: exportDisplayDir(id) },
  });
  const job = await enqueueJob(exportCorpusJob, { exportId: row.id });
  return toExportView(await db.export.update({ where: { id: row.id }, data: { jobId: job.id } }));
}
