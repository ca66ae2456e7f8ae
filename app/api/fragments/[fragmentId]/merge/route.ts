import { route, readBody } from '../../../_lib/handle-route.ts';
import { mergeFragments, mergeFragmentsInput } from '@/lib/review/merge-fragments.ts';

export const runtime = 'nodejs';

// POST /api/fragments/:id/merge { expectedVersion, nextFragmentId, nextExpectedVersion, separator? } → { fragment, revisionId }.
export const POST = route(async (req, ctx: { params: Promise<{ fragmentId: string }> }, user) => {
  const { fragmentId } = await ctx.params;
  return mergeFragments(await readBody(req, mergeFragmentsInput, { fragmentId, userId: user.id }));
});
