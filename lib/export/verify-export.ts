import { AppError } from '../errors/app-error.ts';
import { getExportRow } from './get-export.ts';
import { verifyExportDir, type VerifyReport } from './verify-export-dir.ts';

/** Reads every file of a finished export back and checks it against dataset.json. */
export async function verifyExport(exportId: string, opts: { signal?: AbortSignal } = {}): Promise<VerifyReport> {
  const row = await getExportRow(exportId);
  if (row.status !== 'succeeded') throw new AppError('CONFLICT', `The export is ${row.status}; only a finished export can be verified.`);
  return verifyExportDir(row.dir, opts);
}
