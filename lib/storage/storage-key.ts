import { AppError } from '../errors/app-error.ts';

/** Keys are relative paths: no leading '/', no empty, '.' or '..' segment. */
export function assertKey(key: string): void {
  if (!key || key.startsWith('/') || key.split('/').some((p) => p === '..' || p === '.' || p === '')) {
    throw new AppError('INVALID_INPUT', `Invalid storage key "${key}".`);
  }
}
