import { readQuery, route } from '../../../_lib/handle-route.ts';
import { getAudioPeaks, getAudioPeaksQuery } from '@/lib/review/get-audio-peaks.ts';

export const runtime = 'nodejs';

// GET /api/audio/:id/peaks?start=&end=&samplesPerPeak= → precomputed min/max peaks in [-1, 1] (10 ms base).
export const GET = route(async (req, ctx: { params: Promise<{ audioFileId: string }> }) => {
  const { audioFileId } = await ctx.params;
  return getAudioPeaks(audioFileId, readQuery(req, getAudioPeaksQuery));
});
