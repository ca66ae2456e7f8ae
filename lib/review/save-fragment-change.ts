// The one write path of the review use cases: bump the version only if it is still the one the change was based
// on, and record the revision. Runs inside the caller's transaction.
import { AppError } from '../errors/app-error.ts';
import type { Fragment } from '../db/generated/client.ts';
import { fragmentSnapshot } from '../chapters/fragment-snapshot.ts';
import { fragmentConflict } from './fragment-conflict.ts';
import { fragmentView, type FragmentView } from './fragment-view.ts';
import type { RevisionSnapshot } from './revision-snapshot.ts';
import type { ReviewTx } from './review-tx.ts';

export type FragmentChange = Partial<Pick<Fragment, 'begin' | 'end' | 'text' | 'normText' | 'status' | 'confidence' | 'flag'>>;

export async function saveFragmentChange(
  tx: ReviewTx,
  current: Fragment,
  change: FragmentChange,
  opts: { reason: string; userId?: string | null; before?: RevisionSnapshot },
): Promise<FragmentView> {
  let updated: Fragment;
  try {
    updated = await tx.fragment.update({
      where: { id: current.id, version: current.version },
      data: { ...change, version: current.version + 1 },
    });
  } catch (e) {
    if ((e as { code?: unknown })?.code === 'P2025') {
      throw fragmentConflict(current.id, await tx.fragment.findUnique({ where: { id: current.id } }));
    }
    throw e;
  }
  try {
    await tx.fragmentRevision.create({
      data: {
        fragmentId: current.id,
        version: updated.version,
        userId: opts.userId ?? null,
        reason: opts.reason,
        before: JSON.stringify(opts.before ?? fragmentSnapshot(current)),
        after: JSON.stringify(fragmentSnapshot(updated)),
      },
    });
  } catch (e) {
    if ((e as { code?: unknown })?.code === 'P2003') {
      throw new AppError('NOT_FOUND', `User ${opts.userId} does not exist; sign in again.`, { userId: opts.userId });
    }
    throw e;
  }
  return fragmentView(updated);
}
