import { AppError } from '../errors/app-error.ts';
import type { Fragment } from '../db/generated/client.ts';
import { fragmentView } from './fragment-view.ts';

/**
 * The error for a stale `expectedVersion`: CONFLICT with the fragment as it is now in `details.fragment`, so the
 * editor can show it and let the reviewer apply the change again. A fragment that is gone is NOT_FOUND.
 */
export function fragmentConflict(fragmentId: string, current: Fragment | null): AppError {
  if (!current) {
    return new AppError('NOT_FOUND', 'This paragraph no longer exists (it was merged or removed); reload the chapter.', {
      fragmentId,
    });
  }
  return new AppError(
    'CONFLICT',
    `Someone else changed this paragraph meanwhile (it is now at version ${current.version}); reload it and apply your change again.`,
    { fragmentId, fragment: fragmentView(current) },
  );
}
