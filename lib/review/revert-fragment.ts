// Puts a paragraph back to the state before or after one of its revisions. A revert is itself a new revision
// (nothing is rewritten), checked against the expected version like any edit. Reverting a split or a merge to its
// `before` puts the structure back too (revision-snapshot.ts): a merge gives the paragraph it absorbed back (with
// its id and history); a split takes the paragraph it split off away again (kept in the new revision's
// `before.absorbed`, so that this revert can itself be reverted).
import { z } from 'zod';
import { AppError } from '../errors/app-error.ts';
import { getDb } from '../db/client.ts';
import type { Fragment } from '../db/generated/client.ts';
import { checkFragmentTimes } from './check-fragment-times.ts';
import { fragmentConflict } from './fragment-conflict.ts';
import { fragmentView, type FragmentView } from './fragment-view.ts';
import { isStructuralRevision, parseRevisionSnapshot, type RevisionSnapshot } from './revision-snapshot.ts';
import { parseFragmentSentences } from '../chapter-alignment/fragment-sentences.ts';
import { fragmentSnapshot } from '../chapter-alignment/fragment-snapshot.ts';
import { saveFragmentRevision, type FragmentChange } from './save-fragment-change.ts';
import { absorbFragment, restoreAbsorbedFragment } from './absorbed-fragment.ts';
import { shiftPositions } from './shift-positions.ts';
import type { ReviewTx } from './review-tx.ts';

export const revertFragmentInput = z.object({
  fragmentId: z.string().min(1),
  revisionId: z.string().min(1),
  side: z.enum(['before', 'after']),
  expectedVersion: z.number().int().positive(),
  /** Reverting a split: the version the editor holds of the paragraph it split off (that paragraph goes away). */
  otherExpectedVersion: z.number().int().positive().optional(),
  userId: z.string().min(1).nullish(),
});
export type RevertFragmentInput = z.input<typeof revertFragmentInput>;

export type RevertResult = {
  fragment: FragmentView;
  /** A merge reverted: the paragraph it had absorbed, back right after `fragment`. */
  created: FragmentView | null;
  /** A split reverted: the id of the paragraph that went away (it was right after `fragment`). */
  removedId: string | null;
  /** The revert's own revision (null when nothing changed): reverting it to its `before` undoes the revert. */
  revisionId: string | null;
};

/** The fields that take `fragment` to `snapshot` (begin, end, text, normText, status, confidence, flag, sentences). */
function changeTo(fragment: Fragment, snapshot: RevisionSnapshot): FragmentChange {
  const change: FragmentChange = {};
  if (snapshot.begin !== fragment.begin || snapshot.end !== fragment.end) {
    change.begin = snapshot.begin;
    change.end = snapshot.end;
  }
  if (snapshot.text !== fragment.text) change.text = snapshot.text;
  if (snapshot.normText !== fragment.normText) change.normText = snapshot.normText;
  if (snapshot.status !== fragment.status) change.status = snapshot.status;
  if (snapshot.confidence !== fragment.confidence) change.confidence = snapshot.confidence;
  // revisions made before flags were recorded carry no flag: leave the current one
  if (snapshot.flag !== undefined && snapshot.flag !== fragment.flag) change.flag = snapshot.flag;
  // The sentences come back with the paragraph's times and text. Revisions made before sentences were stored
  // (or while a timed paragraph had none) carry none: the sentences then follow the restored times and text.
  const sentences = snapshot.sentences === null && snapshot.begin !== null ? undefined : snapshot.sentences;
  if (sentences !== undefined && (Object.keys(change).length > 0 || JSON.stringify(sentences) !== JSON.stringify(parseFragmentSentences(fragment.sentences)))) {
    change.sentences = sentences;
  }
  return change;
}

/** Reverts begin, end, text, normText, status, confidence, flag and the sentences — and, to the `before` of a split
 * or a merge, the paragraphs' structure. Splits made before splits recorded the paragraph they split off can only
 * be reverted to their `after`. */
export async function revertFragment(input: RevertFragmentInput): Promise<RevertResult> {
  const { fragmentId, revisionId, side, expectedVersion, otherExpectedVersion, userId } = revertFragmentInput.parse(input);
  return getDb().$transaction(async (tx) => {
    const [row, revision] = await Promise.all([
      tx.fragment.findUnique({
        where: { id: fragmentId },
        include: { chapter: { select: { audioFile: { select: { durationSec: true } } } } },
      }),
      tx.fragmentRevision.findUnique({ where: { id: revisionId } }),
    ]);
    if (!row) throw new AppError('NOT_FOUND', 'This paragraph does not exist any more; reload the chapter.', { fragmentId });
    if (!revision || revision.fragmentId !== fragmentId) {
      throw new AppError('NOT_FOUND', 'This revision is not part of the paragraph’s history; reload it.', { revisionId });
    }
    const { chapter, ...fragment } = row;
    if (fragment.version !== expectedVersion) throw fragmentConflict(fragmentId, fragment);
    const before = parseRevisionSnapshot(revision.before);
    const after = parseRevisionSnapshot(revision.after)!;
    const reason = `revert to v${revision.version} ${side}`;
    const durationSec = chapter.audioFile.durationSec;
    if (side === 'before' && before && isStructuralRevision({ before, after })) {
      return before.absorbed
        ? unmerge(tx, fragment, before, { reason, userId, durationSec })
        : unsplit(tx, fragment, before, after.splitOff!.id, { reason, userId, durationSec, otherExpectedVersion });
    }
    if (side === 'before' && (revision.reason === 'split' || revision.reason === 'merge')) {
      throw new AppError('INVALID_INPUT', 'This split was made before splits could be reverted: merge the two paragraphs again instead.', { field: 'side' });
    }
    const snapshot = side === 'before' ? before : after;
    if (!snapshot) throw new AppError('INVALID_INPUT', 'This revision created the paragraph: there is no earlier state.', { field: 'side' });

    const change = changeTo(fragment, snapshot);
    if (change.begin !== undefined || change.end !== undefined) await checkFragmentTimes(tx, fragment, snapshot.begin, snapshot.end, durationSec);
    if (Object.keys(change).length === 0) return { fragment: fragmentView(fragment), created: null, removedId: null, revisionId: null };
    const saved = await saveFragmentRevision(tx, fragment, change, { reason, userId });
    return { ...saved, created: null, removedId: null };
  });
}

type StructuralOpts = { reason: string; userId?: string | null; durationSec: number | null };

/** A merge reverted: the paragraph back to `before`, the absorbed one recreated right after it. */
async function unmerge(tx: ReviewTx, fragment: Fragment, before: RevisionSnapshot, opts: StructuralOpts): Promise<RevertResult> {
  const absorbed = before.absorbed!;
  await shiftPositions(tx, fragment.chapterId, fragment.position + 1, +1);
  // its own history has no revision this revert's reason could name: it says what happened to it
  const created = await restoreAbsorbedFragment(tx, fragment.chapterId, fragment.position + 1, absorbed, { reason: 'restored (merge reverted)', userId: opts.userId });
  const change = changeTo(fragment, before);
  const saved = await saveFragmentRevision(tx, fragment, change, { ...opts, after: { splitOff: { id: absorbed.id } } });
  await checkFragmentTimes(tx, fragment, before.begin, before.end, opts.durationSec);
  await checkFragmentTimes(tx, { id: created.id, chapterId: fragment.chapterId, position: created.position }, created.begin, created.end, opts.durationSec);
  return { ...saved, created, removedId: null };
}

/** A split reverted: the paragraph it split off (right after it) goes away, the paragraph goes back to `before`. */
async function unsplit(
  tx: ReviewTx,
  fragment: Fragment,
  before: RevisionSnapshot,
  splitOffId: string,
  opts: StructuralOpts & { otherExpectedVersion?: number | undefined },
): Promise<RevertResult> {
  const other = await tx.fragment.findUnique({ where: { id: splitOffId } });
  if (!other) {
    throw new AppError('NOT_FOUND', 'The paragraph split off here does not exist any more (merged or removed); reload the chapter.', { fragmentId: splitOffId });
  }
  if (opts.otherExpectedVersion !== undefined && other.version !== opts.otherExpectedVersion) throw fragmentConflict(other.id, other);
  if (other.chapterId !== fragment.chapterId || other.position !== fragment.position + 1) {
    throw new AppError('INVALID_INPUT', 'The paragraph split off here is no longer right after this one; move it back or merge by hand.', {
      fragmentId: splitOffId,
    });
  }
  const absorbed = await absorbFragment(tx, other);
  const deleted = await tx.fragment.deleteMany({ where: { id: other.id, version: other.version } });
  if (deleted.count !== 1) throw fragmentConflict(other.id, await tx.fragment.findUnique({ where: { id: other.id } }));
  await shiftPositions(tx, fragment.chapterId, other.position + 1, -1);
  const saved = await saveFragmentRevision(tx, fragment, changeTo(fragment, before), { ...opts, before: { ...fragmentSnapshot(fragment), absorbed } });
  await checkFragmentTimes(tx, fragment, before.begin, before.end, opts.durationSec);
  return { ...saved, created: null, removedId: other.id };
}
