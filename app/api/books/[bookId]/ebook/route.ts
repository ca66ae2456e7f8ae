import { route } from '../../../_lib/handle-route.ts';
import { uploadFromRequest } from '../../../_lib/request-stream.ts';
import { setBookEbook } from '@/lib/ingest/set-book-ebook.ts';

export const runtime = 'nodejs';

// POST /api/books/:id/ebook?name=book.txt with the raw file as body.
export const POST = route(async (req, ctx: { params: Promise<{ bookId: string }> }) => {
  const { bookId } = await ctx.params;
  const { name, stream } = uploadFromRequest(req);
  return { ebook: await setBookEbook(bookId, name, stream) };
}, { role: 'admin', body: 'upload' });
