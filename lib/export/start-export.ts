import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { AppError } from '../errors/app-error.ts';
import { getConfig } from '../config/env.ts';
import { getDb } from '../db/client.ts';
import { enqueueJob } from '../jobs/enqueue-job.ts';
import { exportCorpusJob } from './export-jobs.ts';
import { parseExportSettings } from './export-settings.ts';
import { selectExamples } from './select-examples.ts';
import { toExportView, type ExportView } from './export-view.ts';

/** Where the exports made through the app live: <dataDir>/exports/<id>. */
export function exportsRoot(): string {
  return path.join(getConfig().dataDir, 'exports');
}

/** Validates the settings, creates the Export row and queues its job. */
export async function startExport(input: unknown): Promise<ExportView> {
  const settings = parseExportSettings(input);
  const sel = await selectExamples(settings);
  if (sel.examples.length === 0) {
    throw new AppError('INVALID_INPUT', 'No fragment passes the filters: approve fragments or widen the filters, then export.');
  }
  const db = getDb();
  const id = `exp_${randomUUID().replace(/-/g, '').slice(0, 20)}`;
  const row = await db.export.create({
    data: { id, projectId: settings.projectId, status: 'queued', settings: JSON.stringify(settings), dir: path.join(exportsRoot(), id) },
  });
  const job = await enqueueJob(exportCorpusJob, { exportId: row.id });
  return toExportView(await db.export.update({ where: { id: row.id }, data: { jobId: job.id } }));
}
