import { getDb } from '../db/client.ts';

/** The books an export of the project can be limited to, oldest first. */
export async function listExportBooks(projectId: string): Promise<{ id: string; title: string }[]> {
  return getDb().book.findMany({ where: { projectId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: { id: true, title: true } });
}
