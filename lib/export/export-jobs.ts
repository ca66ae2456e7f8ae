// The export job: payload is the Export row's id; the row holds the settings. Idempotent: a retried or restarted
// job on the same machine resumes from the journal in its scratch directory, elsewhere it starts over; either
// way it publishes the whole export again under exports/<id>/ (see publish-export.ts).
import { z } from 'zod';
import { defineJob } from '../jobs/job-definition.ts';

export const exportCorpusJob = defineJob({
  name: 'export-corpus',
  schema: z.object({ exportId: z.string().min(1) }),
  maxAttempts: 3,
  timeLimitSec: 6 * 60 * 60, // a whole project encoded to FLAC/TFRecord
  async handler(payload, ctx) {
    const { exportCorpus } = await import('./export-corpus.ts');
    return exportCorpus(payload.exportId, ctx);
  },
});
