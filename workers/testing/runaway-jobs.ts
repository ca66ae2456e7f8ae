// Test job types whose code never stops (synchronous busy loops), for workers/worker-runaway.test.ts.
import { z } from 'zod';
import { defineJob } from '../../lib/jobs/job-definition.ts';

function spin(): never {
  for (;;) {
    // a CPU-bound step that never looks at its signal and never yields: no timer of this thread fires again
  }
}

export const busyLimitedJob = defineJob({
  name: 'test-busy-limited',
  schema: z.object({}),
  timeLimitSec: 2,
  async handler(_p, ctx) {
    ctx.progress(0.1, 'spinning');
    await new Promise((r) => setTimeout(r, 200)); // the progress write goes out
    spin();
  },
});

export const busyJob = defineJob({
  name: 'test-busy',
  schema: z.object({}),
  timeLimitSec: 600,
  async handler(_p, ctx) {
    ctx.progress(0.1, 'spinning');
    await new Promise((r) => setTimeout(r, 200));
    spin();
  },
});
