// The book page's split controls: move one chapter start (part 1's too) or the last part's end, accept the split
// (making the chapters), or propose it again from scratch.
import { z } from 'zod';
import { acceptBookSplit } from './accept-book-split.ts';
import { moveSplitBoundary, moveSplitEnd } from './move-split-boundary.ts';
import { reproposeSplit } from './propose-book-split.ts';

export const applySplitActionInput = z.discriminatedUnion('action', [
  z.object({ action: z.literal('move'), partIndex: z.number().int().min(0), newStart: z.number().int().min(0) }),
  z.object({ action: z.literal('end'), lastParagraph: z.number().int().min(0) }),
  /** starts and end as the page showed them: refused if the split changed since. */
  z.object({ action: z.literal('accept'), starts: z.array(z.number().int()).optional(), end: z.number().int().optional() }),
  z.object({ action: z.literal('repropose') }),
]);

export async function applySplitAction(bookId: string, input: z.infer<typeof applySplitActionInput>) {
  if (input.action === 'move') return await moveSplitBoundary(bookId, input.partIndex, input.newStart);
  if (input.action === 'end') return await moveSplitEnd(bookId, input.lastParagraph);
  if (input.action === 'accept') {
    const chapters = await acceptBookSplit(bookId, input.starts, input.end);
    return { chapters: chapters.map((c) => ({ id: c.id, position: c.position, title: c.title })) };
  }
  await reproposeSplit(bookId);
  return { ok: true };
}
