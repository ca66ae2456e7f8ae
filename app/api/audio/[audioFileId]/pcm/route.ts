import { Readable } from 'node:stream';
import { route } from '../../../_lib/handle-route.ts';
import { getReadyAudioFile } from '@/lib/ingest/get-audio-file.ts';
import { getStorage } from '@/lib/storage/storage.ts';
import { parseRange } from '@/lib/storage/parse-range.ts';

export const runtime = 'nodejs';

// GET /api/audio/:id/pcm → the 16 kHz mono WAV, with HTTP Range so a player can seek without downloading it.
export const GET = route(async (req, ctx: { params: Promise<{ audioFileId: string }> }) => {
  const { audioFileId } = await ctx.params;
  const audio = await getReadyAudioFile(audioFileId);
  const storage = getStorage();
  const size = (await storage.size(audio.pcmKey)) ?? 0;
  const range = parseRange(req.headers.get('range'), size);
  const headers = { 'content-type': 'audio/wav', 'accept-ranges': 'bytes', 'cache-control': 'private, max-age=3600' };
  if (range && range.start >= size) {
    return new Response(null, { status: 416, headers: { ...headers, 'content-range': `bytes */${size}` } });
  }
  const r = range ?? { start: 0, end: size - 1 };
  const body = Readable.toWeb(storage.read(audio.pcmKey, r)) as ReadableStream;
  return new Response(body, {
    status: range ? 206 : 200,
    headers: { ...headers, 'content-length': String(r.end - r.start + 1), ...(range ? { 'content-range': `bytes ${r.start}-${r.end}/${size}` } : {}) },
  });
});
