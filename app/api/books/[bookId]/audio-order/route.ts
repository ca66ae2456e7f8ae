import { z } from 'zod';
import { route, readJson } from '../../../_lib/handle-route.ts';
import { moveAudioFile, reorderAudioFiles } from '@/lib/ingest/reorder-audio-files.ts';

export const runtime = 'nodejs';

const body = z.union([
  z.object({ ids: z.array(z.string()).min(1) }),
  z.object({ audioFileId: z.string(), delta: z.union([z.literal(-1), z.literal(1)]) }),
]);

export const POST = route(async (req, ctx: { params: Promise<{ bookId: string }> }) => {
  const { bookId } = await ctx.params;
  const input = body.parse(await readJson(req));
  if ('ids' in input) await reorderAudioFiles(bookId, input.ids);
  else await moveAudioFile(bookId, input.audioFileId, input.delta);
  return { ok: true };
}, { role: 'admin' });
