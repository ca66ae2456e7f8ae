import { route, readBody } from '../../../_lib/handle-route.ts';
import { revertFragment, revertFragmentInput } from '@/lib/review/revert-fragment.ts';

export const runtime = 'nodejs';

// POST /api/fragments/:id/revert { revisionId, side: 'before'|'after', expectedVersion, otherExpectedVersion? }
// → { fragment, created, removedId, revisionId } (created/removedId: a merge or a split put back).
export const POST = route(async (req, ctx: { params: Promise<{ fragmentId: string }> }, user) => {
  const { fragmentId } = await ctx.params;
  return revertFragment(await readBody(req, revertFragmentInput, { fragmentId, userId: user.id }));
});
