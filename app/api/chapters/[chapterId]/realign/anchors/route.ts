import { readBody, route } from '../../../../_lib/handle-route.ts';
import { setAnchor, setAnchorInput } from '@/lib/review/set-anchor.ts';

export const runtime = 'nodejs';

// POST /api/chapters/:id/realign/anchors { fragmentId, edge: 'begin'|'end', locked } → { fragments }: locks or
// unlocks a boundary (both sides of a linked one).
export const POST = route(async (req, ctx: { params: Promise<{ chapterId: string }> }) => {
  const { chapterId } = await ctx.params;
  return { fragments: await setAnchor(await readBody(req, setAnchorInput), { chapterId }) };
});
