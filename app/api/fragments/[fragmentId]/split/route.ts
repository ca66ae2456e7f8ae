import { route, readBody } from '../../../_lib/handle-route.ts';
import { splitFragmentAt, splitFragmentAtInput } from '@/lib/review/split-fragment-at.ts';

export const runtime = 'nodejs';

// POST /api/fragments/:id/split { expectedVersion, atTime, textCaret } → { first, second, revisionId }.
export const POST = route(async (req, ctx: { params: Promise<{ fragmentId: string }> }, user) => {
  const { fragmentId } = await ctx.params;
  return splitFragmentAt(await readBody(req, splitFragmentAtInput, { fragmentId, userId: user.id }));
});
