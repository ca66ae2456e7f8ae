import { z } from 'zod';
import { route, readJson } from '../../../_lib/handle-route.ts';
import { moveSplitBoundary } from '@/lib/ingest/move-split-boundary.ts';
import { acceptBookSplit } from '@/lib/ingest/accept-book-split.ts';
import { reproposeSplit } from '@/lib/ingest/propose-book-split.ts';

export const runtime = 'nodejs';

const body = z.discriminatedUnion('action', [
  z.object({ action: z.literal('move'), partIndex: z.number().int().min(1), newStart: z.number().int().min(0) }),
  z.object({ action: z.literal('accept'), starts: z.array(z.number().int()).optional() }),
  z.object({ action: z.literal('repropose') }),
]);

export const POST = route(async (req, ctx: { params: Promise<{ bookId: string }> }) => {
  const { bookId } = await ctx.params;
  const input = body.parse(await readJson(req));
  if (input.action === 'move') return { starts: await moveSplitBoundary(bookId, input.partIndex, input.newStart) };
  if (input.action === 'accept') {
    const chapters = await acceptBookSplit(bookId, input.starts);
    return { chapters: chapters.map((c) => ({ id: c.id, position: c.position, title: c.title })) };
  }
  await reproposeSplit(bookId);
  return { ok: true };
}, { role: 'admin' });
