import { route } from '../../../_lib/handle-route.ts';
import { queueChapterAlignment } from '@/lib/chapter-alignment/queue-chapter-alignment.ts';

export const runtime = 'nodejs';

export const POST = route(async (_req, ctx: { params: Promise<{ chapterId: string }> }) => {
  const { chapterId } = await ctx.params;
  return { queued: await queueChapterAlignment([chapterId]) };
});
