// Saves a linked drag: the end of fragment i and the begin of fragment i+1 move to one time, atomically. Both
// versions are checked and bumped and each fragment gets its revision; if either is stale nothing is written.
import { z } from 'zod';
import { AppError } from '../errors/app-error.ts';
import { getDb } from '../db/client.ts';
import { roundTime } from './move-boundary.ts';
import { fragmentConflict } from './fragment-conflict.ts';
import { FRAGMENT_STATUSES, fragmentView, type FragmentView } from './fragment-view.ts';
import { saveFragmentChanges } from './save-fragment-change.ts';

const versioned = z.object({
  fragmentId: z.string().min(1),
  expectedVersion: z.number().int().positive(),
  /** The status it should have after the move (an undo gives back the one it had); default: the rule below. */
  status: z.enum(FRAGMENT_STATUSES).optional(),
});

export const updateBoundaryInput = z.object({
  /** Fragment i: its end moves. */
  left: versioned,
  /** Fragment i+1: its begin moves. */
  right: versioned,
  time: z.number(),
  userId: z.string().min(1).nullish(),
  reason: z.string().trim().min(1).max(200).optional(),
});
export type UpdateBoundaryInput = z.input<typeof updateBoundaryInput>;

/**
 * Same status rule as updateFragment: an 'auto' fragment becomes 'edited', others keep their status — unless a
 * side names its status (undo of a move: the fragment gets its old status back).
 * CONFLICT details: `fragment` (the stale one, as it is now) and `fragments` ([left, right] as they are now).
 */
export async function updateBoundary(input: UpdateBoundaryInput): Promise<{ left: FragmentView; right: FragmentView }> {
  const { left: l, right: r, userId, reason, ...parsed } = updateBoundaryInput.parse(input);
  const time = roundTime(parsed.time);
  return getDb().$transaction(async (tx) => {
    const ids = [l.fragmentId, r.fragmentId];
    // One statement in the common case: the two paragraphs, on the condition that the time lies in their audio (a
    // paragraph missing here is either gone or the time is past the audio's end: read again to say which).
    const inAudio = await tx.fragment.findMany({
      where: { id: { in: ids }, chapter: { is: { audioFile: { is: { OR: [{ durationSec: null }, { durationSec: { gte: time } }] } } } } },
    });
    const rows = inAudio.length === 2 ? inAudio : await tx.fragment.findMany({ where: { id: { in: ids } } });
    const left = rows.find((f) => f.id === l.fragmentId);
    const right = rows.find((f) => f.id === r.fragmentId);
    if (!left || !right) {
      throw new AppError('NOT_FOUND', 'One of these paragraphs no longer exists (merged or removed); reload the chapter.', {
        fragmentId: left ? r.fragmentId : l.fragmentId,
      });
    }
    const stale = left.version !== l.expectedVersion ? left : right.version !== r.expectedVersion ? right : null;
    if (stale) {
      const e = fragmentConflict(stale.id, stale);
      throw new AppError(e.code, e.message, { ...e.details, fragments: [fragmentView(left), fragmentView(right)] });
    }
    if (left.chapterId !== right.chapterId || right.position !== left.position + 1) {
      throw new AppError('INVALID_INPUT', 'A shared boundary lies between two consecutive paragraphs of one chapter.', {
        field: 'right',
      });
    }
    if ((left.lockedEnd || right.lockedBegin) && time !== left.end) {
      throw new AppError('INVALID_INPUT', 'This boundary is locked as an anchor; unlock it before moving it.', { field: 'time' });
    }
    if (left.begin === null || right.end === null) {
      throw new AppError('INVALID_INPUT', 'These paragraphs have no times yet: align the chapter first.', { field: 'time' });
    }
    const duration =
      inAudio.length === 2
        ? Infinity // known to hold the time
        : ((await tx.audioFile.findFirstOrThrow({ where: { chapter: { is: { id: left.chapterId } } }, select: { durationSec: true } })).durationSec ?? Infinity);
    if (!(time > left.begin && time < right.end && time >= 0 && time <= duration)) {
      throw new AppError(
        'INVALID_INPUT',
        `Put the boundary between ${left.begin.toFixed(3)} s and ${right.end.toFixed(3)} s, so that both paragraphs keep some audio.`,
        { field: 'time' },
      );
    }
    const status = (current: string, given: string | undefined) => {
      const s = given ?? (current === 'auto' ? 'edited' : current);
      return s !== current ? { status: s } : {};
    };
    const why = { reason: reason ?? 'boundary', userId };
    const [savedLeft, savedRight] = await saveFragmentChanges(
      tx,
      [
        { current: left, change: { end: time, ...status(left.status, l.status) } },
        { current: right, change: { begin: time, ...status(right.status, r.status) } },
      ],
      why,
    );
    return { left: savedLeft!, right: savedRight! };
  });
}
