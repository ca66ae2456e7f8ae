import { route } from '../../../../_lib/handle-route.ts';
import { removeAudioFile } from '@/lib/ingest/remove-audio-file.ts';

export const runtime = 'nodejs';

export const DELETE = route(async (_req, ctx: { params: Promise<{ bookId: string; audioFileId: string }> }) => {
  const { bookId, audioFileId } = await ctx.params;
  await removeAudioFile(bookId, audioFileId);
  return { ok: true };
}, { role: 'admin' });
