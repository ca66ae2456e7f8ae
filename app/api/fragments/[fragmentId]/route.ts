import { route, readBody } from '../../_lib/handle-route.ts';
import { updateFragment, updateFragmentInput } from '@/lib/review/update-fragment.ts';

export const runtime = 'nodejs';

// PATCH /api/fragments/:id { expectedVersion, changes: { begin?, end?, text?, status?, flag?: 'attention' | null, sentences?: [{ begin, end }] }, reason? }
// → { fragment }.
// 409 CONFLICT with details.fragment (as it is now) when expectedVersion is stale.
export const PATCH = route(async (req, ctx: { params: Promise<{ fragmentId: string }> }, user) => {
  const { fragmentId } = await ctx.params;
  return { fragment: await updateFragment(await readBody(req, updateFragmentInput, { fragmentId, userId: user.id })) };
});
