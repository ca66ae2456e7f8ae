import { route } from '../../../_lib/handle-route.ts';
import { reviewQueue } from '@/lib/review/review-queue.ts';
import { parseReviewQueueQuery } from '@/lib/review/review-queue-query.ts';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// GET /api/chapters/:id/review-queue?status=auto,edited&minConfidence=&maxConfidence=&flagged=1&limit=&offset=
// → { total, items } worst confidence first.
export const GET = route(async (req, ctx: { params: Promise<{ chapterId: string }> }) => {
  const { chapterId } = await ctx.params;
  return reviewQueue({ chapterId, ...parseReviewQueueQuery(new URL(req.url).searchParams) });
});
