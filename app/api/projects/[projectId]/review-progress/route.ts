import { route } from '../../../_lib/handle-route.ts';
import { reviewProgress } from '@/lib/review/review-progress.ts';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// GET /api/projects/:id/review-progress → { progress }: reviewed seconds / total, per book and per chapter.
export const GET = route(async (_req, ctx: { params: Promise<{ projectId: string }> }) => {
  const { projectId } = await ctx.params;
  return { progress: await reviewProgress({ projectId }) };
});
