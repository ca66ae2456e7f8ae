import { route } from '../../../_lib/handle-route.ts';
import { getAudioPauses } from '@/lib/review/get-audio-pauses.ts';

export const runtime = 'nodejs';

// GET /api/audio/:id/pauses → { pauses: { begin, end }[] } in seconds (energy VAD over the 16 kHz copy, cached).
export const GET = route(async (_req, ctx: { params: Promise<{ audioFileId: string }> }) => {
  const { audioFileId } = await ctx.params;
  return getAudioPauses(audioFileId);
});
