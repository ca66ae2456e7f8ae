import { readBody, route } from '../../../_lib/handle-route.ts';
import { getChapterCheck, startChapterCheck, startChapterCheckInput } from '@/lib/training-runs/start-chapter-check.ts';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ chapterId: string }> };

// POST /api/chapters/:id/check { runId, threshold?, force? } → { check } (a queued check-chapter job); a run too weak
// to judge alignments (dev CER above 50 %, none, or not below the threshold) is a 409 saying why; force: admins only
export const POST = route(async (req, ctx: Ctx, user) => ({ check: await startChapterCheck((await ctx.params).chapterId, await readBody(req, startChapterCheckInput), user) }));

// GET /api/chapters/:id/check → { check } (the newest check of the chapter, or null)
export const GET = route(async (_req, ctx: Ctx) => ({ check: await getChapterCheck((await ctx.params).chapterId) }));
