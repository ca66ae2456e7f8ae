import { readBody, route } from '../../../../_lib/handle-route.ts';
import { acceptSpanRealign, acceptSpanRealignInput } from '@/lib/review/accept-span-realign.ts';

export const runtime = 'nodejs';

// POST /api/chapters/:id/realign/accept { jobId, includeReviewed? } → { fragments, kept }; 409 when a paragraph
// changed since the proposal was made.
export const POST = route(async (req, ctx: { params: Promise<{ chapterId: string }> }, user) => {
  const { chapterId } = await ctx.params;
  return acceptSpanRealign(await readBody(req, acceptSpanRealignInput, { chapterId, userId: user.id }));
});
