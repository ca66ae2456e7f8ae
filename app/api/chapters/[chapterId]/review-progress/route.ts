import { route } from '../../../_lib/handle-route.ts';
import { reviewProgress } from '@/lib/review/review-progress.ts';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// GET /api/chapters/:id/review-progress → the chapter's reviewed seconds / total (ProgressNumbers).
export const GET = route(async (_req, ctx: { params: Promise<{ chapterId: string }> }) => {
  const { chapterId } = await ctx.params;
  const { books: _books, chapters, ...total } = await reviewProgress({ chapterId });
  return { progress: chapters[0] ?? total };
});
