import { route } from '../../_lib/handle-route.ts';
import { getBookOverview } from '@/lib/ingest/get-book-overview.ts';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = route(async (_req, ctx: { params: Promise<{ bookId: string }> }) => {
  const { bookId } = await ctx.params;
  return getBookOverview(bookId);
});
