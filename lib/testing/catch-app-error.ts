import { AppError } from '../errors/app-error.ts';

/** Runs `fn` and returns the AppError it throws; fails the test when it throws nothing or something else. */
export function catchAppError(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

/** The AppError that `promise` rejects with; fails the test when it resolves or rejects with something else. */
export async function catchAppErrorAsync(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}
