// The book page's audio order controls: a whole new order, or one file moved up or down.
import { z } from 'zod';
import { moveAudioFile, reorderAudioFiles } from './reorder-audio-files.ts';

export const changeAudioOrderInput = z.union([
  z.object({ ids: z.array(z.string()).min(1) }),
  z.object({ audioFileId: z.string(), delta: z.union([z.literal(-1), z.literal(1)]) }),
]);

export async function changeAudioOrder(bookId: string, input: z.infer<typeof changeAudioOrderInput>): Promise<void> {
  if ('ids' in input) await reorderAudioFiles(bookId, input.ids);
  else await moveAudioFile(bookId, input.audioFileId, input.delta);
}
