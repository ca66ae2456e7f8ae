import { route } from '../../../_lib/handle-route.ts';
import { getReviewChapter } from '@/lib/review/get-review-chapter.ts';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// GET /api/chapters/:id/fragments → { chapter: audio, duration, head/tail, fragments (FragmentView[]) }.
export const GET = route(async (_req, ctx: { params: Promise<{ chapterId: string }> }) => {
  const { chapterId } = await ctx.params;
  return { chapter: await getReviewChapter(chapterId) };
});
