import { route, readJson } from '../../../_lib/handle-route.ts';
import { createBook } from '@/lib/ingest/create-book.ts';

export const runtime = 'nodejs';

export const POST = route(async (req, ctx: { params: Promise<{ projectId: string }> }) => {
  const { projectId } = await ctx.params;
  const body = (await readJson(req)) as Record<string, unknown>;
  return { book: await createBook({ ...body, projectId } as never) };
}, { role: 'admin' });
