import { route, readBody } from '../../../_lib/handle-route.ts';
import { changeAudioOrder, changeAudioOrderInput } from '@/lib/ingest/change-audio-order.ts';

export const runtime = 'nodejs';

// POST /api/books/:id/audio-order { ids } | { audioFileId, delta: -1 | 1 } → { ok }
export const POST = route(async (req, ctx: { params: Promise<{ bookId: string }> }) => {
  const { bookId } = await ctx.params;
  await changeAudioOrder(bookId, await readBody(req, changeAudioOrderInput));
  return { ok: true };
}, { role: 'admin' });
