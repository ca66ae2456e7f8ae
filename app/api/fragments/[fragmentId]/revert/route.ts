import { route, readBody } from '../../../_lib/handle-route.ts';
import { revertFragment, revertFragmentInput } from '@/lib/review/revert-fragment.ts';

export const runtime = 'nodejs';

// POST /api/fragments/:id/revert { revisionId, side: 'before'|'after', expectedVersion } → { fragment }.
export const POST = route(async (req, ctx: { params: Promise<{ fragmentId: string }> }, user) => {
  const { fragmentId } = await ctx.params;
  return { fragment: await revertFragment(await readBody(req, revertFragmentInput, { fragmentId, userId: user.id })) };
});
