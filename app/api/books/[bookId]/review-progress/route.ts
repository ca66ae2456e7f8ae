import { route } from '../../../_lib/handle-route.ts';
import { reviewProgress } from '@/lib/review/review-progress.ts';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// GET /api/books/:id/review-progress → { progress }: reviewed seconds / total, per book and per chapter.
export const GET = route(async (_req, ctx: { params: Promise<{ bookId: string }> }) => {
  const { bookId } = await ctx.params;
  return { progress: await reviewProgress({ bookId }) };
});
