import { route, readBody } from '../../../_lib/handle-route.ts';
import { createBook, createBookInput } from '@/lib/ingest/create-book.ts';

export const runtime = 'nodejs';

// POST /api/projects/:id/books { title, author?, speakerId? } → { book }
export const POST = route(async (req, ctx: { params: Promise<{ projectId: string }> }) => {
  const { projectId } = await ctx.params;
  return { book: await createBook(await readBody(req, createBookInput, { projectId })) };
}, { role: 'admin' });
