// Errors for malformed sync map files: always INVALID_INPUT, always with the format and the 1-based line.
import { AppError } from '../../errors/app-error.ts';
import { SYNCMAP_FORMAT_LABELS, type SyncMapFormat } from './syncmap-types.ts';

export function syncMapError(format: SyncMapFormat, line: number, problem: string): AppError {
  return new AppError('INVALID_INPUT', `${SYNCMAP_FORMAT_LABELS[format]} sync map, line ${line}: ${problem}`, {
    format,
    line,
  });
}
