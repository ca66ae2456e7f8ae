// What the API and pages show of an export: the row, its parsed settings and stats, and the live progress of
// its job. A row left "queued"/"running" whose job already ended (a final retry failed, a cancel while queued)
// is brought in line with the job here.
import { getDb } from '../db/client.ts';
import type { Export } from '../db/generated/client.ts';
import type { ExportSettings } from './export-settings.ts';
import type { ExportStats } from './run-export.ts';
import { statusFromJob } from '../jobs/status-from-job.ts';
import type { JobStatus } from '../jobs/job-status.ts';

/** An export's status is its job's (statusFromJob). */
export type ExportStatus = JobStatus;

export type ExportView = {
  id: string;
  projectId: string;
  status: ExportStatus;
  settings: ExportSettings;
  stats: ExportStats | null;
  error: string | null;
  progress: number;
  message: string | null;
  jobId: string | null;
  createdAt: string;
  finishedAt: string | null;
};

export async function toExportView(row: Export): Promise<ExportView> {
  const db = getDb();
  const job = row.jobId ? await db.job.findUnique({ where: { id: row.jobId } }) : null;
  const { status, error, finishedAt, persist } = statusFromJob(row, job);
  if (persist) await db.export.updateMany({ where: { id: row.id, status: row.status }, data: { status, error, finishedAt } });
  return {
    id: row.id,
    projectId: row.projectId,
    status,
    settings: JSON.parse(row.settings) as ExportSettings,
    stats: row.stats ? (JSON.parse(row.stats) as ExportStats) : null,
    error,
    progress: status === 'succeeded' ? 1 : job?.progress ?? 0,
    message: job?.message ?? null,
    jobId: row.jobId,
    createdAt: row.createdAt.toISOString(),
    finishedAt: finishedAt ? finishedAt.toISOString() : null,
  };
}
