// A fragment that a merge takes away and a revert brings back: its last state and its revisions (deleted with it,
// onDelete: Cascade) kept inside the merge revision's JSON (`before.absorbed`), and the row recreated from them
// with its id, so the editor's undo history and links that name it still hold.
import { fragmentSnapshot } from '../chapter-alignment/fragment-snapshot.ts';
import { stringifyFragmentSentences } from '../chapter-alignment/fragment-sentences.ts';
import type { Fragment } from '../db/generated/client.ts';
import { AppError } from '../errors/app-error.ts';
import { fragmentView, type FragmentView } from './fragment-view.ts';
import type { AbsorbedFragment } from './revision-snapshot.ts';
import type { ReviewTx } from './review-tx.ts';

/** The state and history of `f`, to keep in the revision of the change that deletes it. */
export async function absorbFragment(tx: ReviewTx, f: Fragment): Promise<AbsorbedFragment> {
  const revisions = await tx.fragmentRevision.findMany({ where: { fragmentId: f.id }, orderBy: [{ version: 'asc' }, { createdAt: 'asc' }] });
  return {
    id: f.id,
    position: f.position,
    version: f.version,
    lockedBegin: f.lockedBegin,
    lockedEnd: f.lockedEnd,
    ...fragmentSnapshot(f),
    revisions: revisions.map((r) => ({
      id: r.id,
      version: r.version,
      userId: r.userId,
      reason: r.reason,
      before: r.before,
      after: r.after,
      createdAt: r.createdAt.toISOString(),
    })),
  };
}

/**
 * Recreates an absorbed fragment at `position` (the caller made room) with its id and its revisions, one version
 * later, with a revision that says why (`before` null: it is created again). CONFLICT when it exists already.
 */
export async function restoreAbsorbedFragment(
  tx: ReviewTx,
  chapterId: string,
  position: number,
  a: AbsorbedFragment,
  opts: { reason: string; userId?: string | null },
): Promise<FragmentView> {
  if (await tx.fragment.findUnique({ where: { id: a.id }, select: { id: true } })) {
    throw new AppError('CONFLICT', 'That paragraph was brought back already; reload the chapter.', { fragmentId: a.id });
  }
  const created = await tx.fragment.create({
    data: {
      id: a.id,
      chapterId,
      position,
      begin: a.begin,
      end: a.end,
      text: a.text,
      normText: a.normText,
      status: a.status,
      confidence: a.confidence,
      flag: a.flag ?? null,
      sentences: stringifyFragmentSentences(a.sentences ?? null),
      lockedBegin: a.lockedBegin ?? false,
      lockedEnd: a.lockedEnd ?? false,
      version: a.version + 1,
    },
  });
  const kept = a.revisions ?? [];
  // revisions by users removed meanwhile keep no user (as onDelete: SetNull would have done)
  const userIds = [...new Set(kept.map((r) => r.userId).filter((u): u is string => u !== null))];
  const users = new Set(userIds.length ? (await tx.user.findMany({ where: { id: { in: userIds } }, select: { id: true } })).map((u) => u.id) : []);
  if (kept.length) {
    await tx.fragmentRevision.createMany({
      data: kept.map((r) => ({ ...r, fragmentId: a.id, userId: r.userId !== null && users.has(r.userId) ? r.userId : null, createdAt: new Date(r.createdAt) })),
    });
  }
  await tx.fragmentRevision.create({
    data: { fragmentId: a.id, version: created.version, userId: opts.userId ?? null, reason: opts.reason, before: null, after: JSON.stringify(fragmentSnapshot(created)) },
  });
  return fragmentView(created);
}
