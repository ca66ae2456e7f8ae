// The book page's split controls: move one chapter start, accept the split (making the chapters), or propose
// it again from scratch.
import { z } from 'zod';
import { acceptBookSplit } from './accept-book-split.ts';
import { moveSplitBoundary } from './move-split-boundary.ts';
import { reproposeSplit } from './propose-book-split.ts';

export const applySplitActionInput = z.discriminatedUnion('action', [
  z.object({ action: z.literal('move'), partIndex: z.number().int().min(1), newStart: z.number().int().min(0) }),
  z.object({ action: z.literal('accept'), starts: z.array(z.number().int()).optional() }),
  z.object({ action: z.literal('repropose') }),
]);

export async function applySplitAction(bookId: string, input: z.infer<typeof applySplitActionInput>) {
  if (input.action === 'move') return { starts: await moveSplitBoundary(bookId, input.partIndex, input.newStart) };
  if (input.action === 'accept') {
    const chapters = await acceptBookSplit(bookId, input.starts);
    return { chapters: chapters.map((c) => ({ id: c.id, position: c.position, title: c.title })) };
  }
  await reproposeSplit(bookId);
  return { ok: true };
}
