// Locks or unlocks a boundary as an anchor. A linked boundary (fragment i's end = fragment i+1's begin) is one
// anchor: both sides are set together. A lock is not a change of the fragment's content: no version bump and
// no revision, so it never conflicts with a reviewer's pending save.
import { z } from 'zod';
import { AppError } from '../errors/app-error.ts';
import { getDb } from '../db/client.ts';
import { fragmentView, type FragmentView } from './fragment-view.ts';

export const setAnchorInput = z.object({
  fragmentId: z.string().min(1),
  edge: z.enum(['begin', 'end']),
  locked: z.boolean(),
});
export type SetAnchorInput = z.input<typeof setAnchorInput>;

const EPS = 1e-6;

/** The fragments whose lock changed (the fragment and, for a linked boundary, its neighbour). */
export async function setAnchor(input: SetAnchorInput, opts: { chapterId?: string } = {}): Promise<FragmentView[]> {
  const { fragmentId, edge, locked } = setAnchorInput.parse(input);
  return getDb().$transaction(async (tx) => {
    const frag = await tx.fragment.findUnique({ where: { id: fragmentId } });
    if (!frag || (opts.chapterId && frag.chapterId !== opts.chapterId)) {
      throw new AppError('NOT_FOUND', 'This paragraph does not exist any more; reload the chapter.', { fragmentId });
    }
    const time = frag[edge];
    if (time === null) throw new AppError('INVALID_INPUT', 'This paragraph has no times yet: align the chapter first.', { field: edge });
    const neighbour = await tx.fragment.findUnique({
      where: { chapterId_position: { chapterId: frag.chapterId, position: frag.position + (edge === 'begin' ? -1 : 1) } },
    });
    const field = edge === 'begin' ? 'lockedBegin' : 'lockedEnd';
    const otherField = edge === 'begin' ? 'lockedEnd' : 'lockedBegin';
    const otherTime = neighbour ? (edge === 'begin' ? neighbour.end : neighbour.begin) : null;
    const out = [fragmentView(await tx.fragment.update({ where: { id: frag.id }, data: { [field]: locked } }))];
    if (neighbour && otherTime !== null && Math.abs(otherTime - time) < EPS) {
      out.push(fragmentView(await tx.fragment.update({ where: { id: neighbour.id }, data: { [otherField]: locked } })));
    }
    return out.sort((a, b) => a.position - b.position);
  });
}
