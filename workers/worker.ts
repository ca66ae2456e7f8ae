// The worker process: runs jobs from the database queue until SIGINT/SIGTERM (the job at hand finishes;
// a second signal exits at once, and the job is picked up again when its lease expires).
import { getConfig } from '../lib/config/env.ts';
import { AppError } from '../lib/errors/app-error.ts';
import { jobRegistry } from './job-registry.ts';
import { workJobs } from '../lib/jobs/work-jobs.ts';

export async function runWorker(opts: { concurrency?: number; types?: string[]; excludeTypes?: string[] } = {}): Promise<void> {
  const controller = new AbortController();
  let signals = 0;
  const stop = () => {
    signals++;
    if (signals > 1) process.exit(130);
    console.log('[worker] stopping after the current job (signal again to exit now)');
    controller.abort();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const concurrency = opts.concurrency ?? getConfig().workerConcurrency;
  const unknown = [...(opts.types ?? []), ...(opts.excludeTypes ?? [])].filter((t) => !jobRegistry.has(t));
  if (unknown.length) throw new AppError('INVALID_INPUT', `Unknown job type(s): ${unknown.join(', ')}. Known: ${[...jobRegistry.keys()].join(', ')}.`);
  const scope = opts.types ? `only ${opts.types.join(', ')}` : opts.excludeTypes ? `all but ${opts.excludeTypes.join(', ')}` : 'all jobs';
  console.log(`[worker] started, pid ${process.pid}, concurrency ${concurrency}, ${scope}, data ${getConfig().dataDir}`);
  await workJobs({
    registry: jobRegistry,
    concurrency,
    types: opts.types,
    excludeTypes: opts.excludeTypes,
    signal: controller.signal,
    onJob: (job, outcome) => console.log(`[worker] ${job.type} ${job.id}: ${outcome}`),
  });
  console.log('[worker] stopped');
}
