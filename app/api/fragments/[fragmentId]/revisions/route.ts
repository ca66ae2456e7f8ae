import { readQuery, route } from '../../../_lib/handle-route.ts';
import { listFragmentRevisions, listFragmentRevisionsQuery } from '@/lib/review/list-fragment-revisions.ts';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// GET /api/fragments/:id/revisions?limit= → { revisions } newest first.
export const GET = route(async (req, ctx: { params: Promise<{ fragmentId: string }> }) => {
  const { fragmentId } = await ctx.params;
  return { revisions: await listFragmentRevisions(fragmentId, readQuery(req, listFragmentRevisionsQuery)) };
});
