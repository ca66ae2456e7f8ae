import { z } from 'zod';
import { route } from '../../../_lib/handle-route.ts';
import { getReadyAudioFile } from '@/lib/ingest/get-audio-file.ts';
import { getStorage } from '@/lib/storage/storage.ts';
import { readPeaks } from '@/lib/audio/peaks-file.ts';

export const runtime = 'nodejs';

const query = z.object({
  start: z.coerce.number().min(0).optional(),
  end: z.coerce.number().min(0).optional(),
  samplesPerPeak: z.coerce.number().int().positive().optional(),
});

// GET /api/audio/:id/peaks?start=&end=&samplesPerPeak= → precomputed min/max peaks in [-1, 1] (10 ms base).
export const GET = route(async (req, ctx: { params: Promise<{ audioFileId: string }> }) => {
  const { audioFileId } = await ctx.params;
  const q = query.parse(Object.fromEntries(new URL(req.url).searchParams));
  const audio = await getReadyAudioFile(audioFileId);
  const r = await readPeaks(getStorage().localPath(audio.peaksKey), q);
  return { sampleRate: r.sampleRate, samplesPerPeak: r.samplesPerPeak, startSec: r.startSec, peaks: Array.from(r.peaks, (v) => Math.round(v * 1e4) / 1e4) };
});
