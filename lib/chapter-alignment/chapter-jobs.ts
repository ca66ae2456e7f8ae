import { z } from 'zod';
import { defineJob } from '../jobs/job-definition.ts';

export const alignChapterJob = defineJob({
  name: 'align-chapter',
  schema: z.object({ chapterId: z.string().min(1) }),
  maxAttempts: 3,
  timeLimitSec: 3 * 60 * 60, // a long chapter (hours of audio) takes minutes; generous for slow machines
  async handler(payload, ctx) {
    const { alignChapter } = await import('./align-chapter.ts');
    return alignChapter(payload.chapterId, ctx);
  },
});
