import { route } from '../../../_lib/handle-route.ts';
import { uploadFromRequest } from '../../../_lib/request-stream.ts';
import { addBookAudio } from '@/lib/ingest/add-book-audio.ts';

export const runtime = 'nodejs';

// POST /api/books/:id/audio?name=file.mp3 with the raw file as body (an audio file or a ZIP of them).
export const POST = route(async (req, ctx: { params: Promise<{ bookId: string }> }) => {
  const { bookId } = await ctx.params;
  const { name, stream } = uploadFromRequest(req);
  return addBookAudio(bookId, name, stream);
}, { role: 'admin', body: 'upload' });
