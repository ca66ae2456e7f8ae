import { z } from 'zod';
import { readJson, route } from '../../../../_lib/handle-route.ts';
import { acceptSpanRealign } from '@/lib/review/accept-span-realign.ts';

export const runtime = 'nodejs';

// POST /api/chapters/:id/realign/accept { jobId, includeReviewed? } → { fragments, kept }; 409 when a paragraph
// changed since the proposal was made.
export const POST = route(async (req, ctx: { params: Promise<{ chapterId: string }> }, user) => {
  const { chapterId } = await ctx.params;
  const body = z.object({ jobId: z.string().min(1), includeReviewed: z.boolean().optional() }).parse(await readJson(req));
  return acceptSpanRealign({ chapterId, ...body, userId: user.id });
});
