// The jobs of book ingestion. Handlers are idempotent: re-running one after a crash redoes its work from the
// stored original and replaces outputs atomically.
import { z } from 'zod';
import { defineJob } from '../jobs/job-definition.ts';

export const ingestAudioJob = defineJob({
  name: 'ingest-audio',
  schema: z.object({ audioFileId: z.string().min(1) }),
  maxAttempts: 3,
  timeLimitSec: 2 * 60 * 60, // a 4 GB upload decoded, resampled and measured
  async handler(payload, ctx) {
    const { ingestAudioFile } = await import('./ingest-audio-file.ts');
    return ingestAudioFile(payload.audioFileId, ctx);
  },
});

export const ingestEbookJob = defineJob({
  name: 'ingest-ebook',
  schema: z.object({ bookId: z.string().min(1) }),
  maxAttempts: 3,
  timeLimitSec: 15 * 60, // parsing is linear in the file's size
  async handler(payload, ctx) {
    const { ingestEbook } = await import('./ingest-ebook.ts');
    return ingestEbook(payload.bookId, ctx);
  },
});
