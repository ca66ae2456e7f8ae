import { route } from '../../../_lib/handle-route.ts';
import { getDb } from '@/lib/db/client.ts';
import { queueChapterAlignment } from '@/lib/chapter-alignment/queue-chapter-alignment.ts';

export const runtime = 'nodejs';

// Queues alignment of every chapter of the book (chapters already queued or running are left alone).
export const POST = route(async (_req, ctx: { params: Promise<{ bookId: string }> }) => {
  const { bookId } = await ctx.params;
  const chapters = await getDb().chapter.findMany({ where: { bookId }, select: { id: true } });
  return { queued: await queueChapterAlignment(chapters.map((c) => c.id)) };
});
