import { z } from 'zod';
import { readJson, route } from '../../../_lib/handle-route.ts';
import { queueSpanRealign } from '@/lib/review/queue-span-realign.ts';
import { getSpanRealign } from '@/lib/review/get-span-realign.ts';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ chapterId: string }> };

// POST /api/chapters/:id/realign { fragmentId } → { jobId, range }: re-aligns the paragraphs between the
// anchors around this one (a realign-span job); the result is a proposal, nothing is applied.
export const POST = route(async (req, ctx: Ctx) => {
  const { chapterId } = await ctx.params;
  const body = z.object({ fragmentId: z.string().min(1) }).parse(await readJson(req));
  return queueSpanRealign({ chapterId, fragmentId: body.fragmentId });
});

// GET /api/chapters/:id/realign?jobId= → { status, progress, message, error, proposal }.
export const GET = route(async (req, ctx: Ctx) => {
  const { chapterId } = await ctx.params;
  const { jobId } = z.object({ jobId: z.string().min(1) }).parse(Object.fromEntries(new URL(req.url).searchParams));
  return getSpanRealign({ chapterId, jobId });
});
