import { AppError } from '../errors/app-error.ts';
import { exportFileSource } from './export-file-source.ts';
import { getExportRow } from './get-export.ts';
import { verifyExportFiles, type VerifyReport } from './verify-export-dir.ts';

/** Reads every file of a finished export back (through storage, or from an older export's directory) and checks it against dataset.json. */
export async function verifyExport(exportId: string, opts: { signal?: AbortSignal } = {}): Promise<VerifyReport> {
  const row = await getExportRow(exportId);
  if (row.status !== 'succeeded') throw new AppError('CONFLICT', `The export is ${row.status}; only a finished export can be verified.`);
  return verifyExportFiles(exportFileSource(row), opts);
}
