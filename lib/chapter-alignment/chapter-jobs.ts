import { z } from 'zod';
import { defineJob } from '../jobs/job-definition.ts';

export const alignChapterJob = defineJob({
  name: 'align-chapter',
  schema: z.object({ chapterId: z.string().min(1) }),
  maxAttempts: 3,
  async handler(payload, ctx) {
    const { alignChapter } = await import('./align-chapter.ts');
    return alignChapter(payload.chapterId, ctx);
  },
});
