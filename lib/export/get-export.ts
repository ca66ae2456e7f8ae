import { AppError } from '../errors/app-error.ts';
import { getDb } from '../db/client.ts';
import { toExportView, type ExportView } from './export-view.ts';

export async function getExportRow(exportId: string) {
  const row = await getDb().export.findUnique({ where: { id: exportId } });
  if (!row) throw new AppError('NOT_FOUND', `Export ${exportId} does not exist (it may have been deleted).`);
  return row;
}

export async function getExport(exportId: string): Promise<ExportView> {
  return toExportView(await getExportRow(exportId));
}
