import { route } from '../../../_lib/handle-route.ts';
import { queueBookAlignment } from '@/lib/chapter-alignment/queue-book-alignment.ts';

export const runtime = 'nodejs';

// POST /api/books/:id/align → { queued: chapterIds }: queues alignment of every chapter of the book (chapters
// already queued or running are left alone); 404 for an unknown book.
export const POST = route(async (_req, ctx: { params: Promise<{ bookId: string }> }) => {
  const { bookId } = await ctx.params;
  return { queued: await queueBookAlignment(bookId) };
});
