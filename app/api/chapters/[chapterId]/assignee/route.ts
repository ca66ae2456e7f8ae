import { readBody, route } from '../../../_lib/handle-route.ts';
import { assignChapter, assignChapterInput } from '@/lib/review/assign-chapter.ts';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ chapterId: string }> };

// PUT /api/chapters/:id/assignee { assigneeId: string | null } → { assignment } (admins only; null unassigns)
export const PUT = route(
  async (req, ctx: Ctx, user) => ({ assignment: await assignChapter(await readBody(req, assignChapterInput, { chapterId: (await ctx.params).chapterId }), user) }),
  { role: 'admin' },
);
