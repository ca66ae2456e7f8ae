import { Readable } from 'node:stream';
import { route } from '../../../_lib/handle-route.ts';
import { getAudioSpectrogram } from '@/lib/review/get-audio-spectrogram.ts';
import { getStorage } from '@/lib/storage/storage.ts';

export const runtime = 'nodejs';

// GET /api/audio/:id/spectrogram → the low-resolution spectrogram stored at ingest (binary, layout in
// lib/align/spectrogram-file.ts; 640 bytes per second of audio); 404 for a file ingested before it existed.
export const GET = route(async (_req, ctx: { params: Promise<{ audioFileId: string }> }) => {
  const { audioFileId } = await ctx.params;
  const { key, size } = await getAudioSpectrogram(audioFileId);
  return new Response(Readable.toWeb(getStorage().read(key)) as ReadableStream, {
    headers: { 'content-type': 'application/octet-stream', 'content-length': String(size), 'cache-control': 'private, max-age=3600' },
  });
});
