import { z } from 'zod';
import { defineJob } from '../jobs/job-definition.ts';

/** Proposes new times for the fragments between the anchors around `fragmentId`; its result is the proposal. */
export const realignSpanJob = defineJob({
  name: 'realign-span',
  schema: z.object({ chapterId: z.string().min(1), fragmentId: z.string().min(1) }),
  maxAttempts: 2,
  timeLimitSec: 15 * 60, // a span of a few sentences
  async handler(payload, ctx) {
    const { realignSpan } = await import('./realign-span.ts');
    return realignSpan(payload, ctx);
  },
});
