import { route } from '../../_lib/handle-route.ts';
import { getBookOverview } from '@/lib/ingest/get-book-overview.ts';
import { deleteEmptyBook } from '@/lib/ingest/delete-empty-book.ts';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = route(async (_req, ctx: { params: Promise<{ bookId: string }> }) => {
  const { bookId } = await ctx.params;
  return getBookOverview(bookId);
});

// DELETE /api/books/:id: only a book that holds nothing yet (the new-book form, when every upload was refused).
export const DELETE = route(async (_req, ctx: { params: Promise<{ bookId: string }> }) => {
  const { bookId } = await ctx.params;
  return deleteEmptyBook(bookId);
}, { role: 'admin' });
