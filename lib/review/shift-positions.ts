// Renumbers a chapter's fragments after a split or merge. (chapterId, position) is unique and SQLite checks it
// row by row during an UPDATE, so `position + 1` on consecutive rows would collide with itself: the rows go out
// of the way to a far offset first, then come back shifted.
import type { ReviewTx } from './review-tx.ts';

const OFFSET = 1_000_000_000;

/** Adds `delta` (±1) to the position of every fragment of the chapter at `fromPosition` or later. */
export async function shiftPositions(tx: ReviewTx, chapterId: string, fromPosition: number, delta: number): Promise<void> {
  const moved = await tx.fragment.updateMany({
    where: { chapterId, position: { gte: fromPosition } },
    data: { position: { increment: OFFSET } },
  });
  if (moved.count === 0) return;
  await tx.fragment.updateMany({
    where: { chapterId, position: { gte: OFFSET } },
    data: { position: { increment: delta - OFFSET } },
  });
}
