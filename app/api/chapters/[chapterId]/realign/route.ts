import { readBody, readQuery, route } from '../../../_lib/handle-route.ts';
import { queueSpanRealign, queueSpanRealignInput } from '@/lib/review/queue-span-realign.ts';
import { getSpanRealign, getSpanRealignInput } from '@/lib/review/get-span-realign.ts';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ chapterId: string }> };

// POST /api/chapters/:id/realign { fragmentId } → { jobId, range }: re-aligns the paragraphs between the
// anchors around this one (a realign-span job); the result is a proposal, nothing is applied.
export const POST = route(async (req, ctx: Ctx) => {
  const { chapterId } = await ctx.params;
  return queueSpanRealign(await readBody(req, queueSpanRealignInput, { chapterId }));
});

// GET /api/chapters/:id/realign?jobId= → { status, progress, message, error, proposal }.
export const GET = route(async (req, ctx: Ctx) => {
  const { chapterId } = await ctx.params;
  return getSpanRealign(readQuery(req, getSpanRealignInput, { chapterId }));
});
