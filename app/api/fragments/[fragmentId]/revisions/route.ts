import { z } from 'zod';
import { route } from '../../../_lib/handle-route.ts';
import { listFragmentRevisions } from '@/lib/review/list-fragment-revisions.ts';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const query = z.object({ limit: z.coerce.number().int().min(1).max(1000).optional() });

// GET /api/fragments/:id/revisions?limit= → { revisions } newest first.
export const GET = route(async (req, ctx: { params: Promise<{ fragmentId: string }> }) => {
  const { fragmentId } = await ctx.params;
  const q = query.parse(Object.fromEntries(new URL(req.url).searchParams));
  return { revisions: await listFragmentRevisions(fragmentId, q) };
});
