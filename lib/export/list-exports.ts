import { AppError } from '../errors/app-error.ts';
import { getDb } from '../db/client.ts';
import { toExportView, type ExportView } from './export-view.ts';

/** The project's exports, newest first. */
export async function listExports(projectId: string): Promise<ExportView[]> {
  const db = getDb();
  if (!(await db.project.findUnique({ where: { id: projectId }, select: { id: true } }))) {
    throw new AppError('NOT_FOUND', `Project ${projectId} does not exist.`);
  }
  const rows = await db.export.findMany({ where: { projectId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
  return Promise.all(rows.map(toExportView));
}
