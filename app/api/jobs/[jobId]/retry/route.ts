import { route } from '../../../_lib/handle-route.ts';
import { retryJob } from '@/lib/jobs/retry-job.ts';

export const runtime = 'nodejs';

export const POST = route(async (_req, ctx: { params: Promise<{ jobId: string }> }) => {
  const { jobId } = await ctx.params;
  return { job: await retryJob(jobId) };
}, { role: 'admin' });
