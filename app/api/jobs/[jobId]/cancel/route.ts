import { route } from '../../../_lib/handle-route.ts';
import { cancelJob } from '@/lib/jobs/cancel-job.ts';

export const runtime = 'nodejs';

export const POST = route(async (_req, ctx: { params: Promise<{ jobId: string }> }) => {
  const { jobId } = await ctx.params;
  return { job: await cancelJob(jobId) };
}, { role: 'admin' });
