// The worker process: runs jobs from the database queue until SIGINT/SIGTERM. On the first signal it stops
// claiming and gives the job at hand ALINEA_WORKER_STOP_GRACE_SECONDS to finish; then (or at a second signal)
// it aborts the job, which ends its child processes and is handed back (queued, the attempt not counted) for
// the next start to finish. A third signal exits at once (the job is picked up again when its lease expires).
// A job past its type's time limit, or cancelled, whose code does not stop is recorded (failed with the reason, or
// cancelled) and the process exits, ending that code; the supervisor (scripts/start.sh) starts a fresh worker.
import { getConfig } from '../lib/config/env.ts';
import { AppError } from '../lib/errors/app-error.ts';
import { jobRegistry as defaultRegistry } from './job-registry.ts';
import { workJobs } from '../lib/jobs/work-jobs.ts';
import { startJobWatchdog } from '../lib/jobs/job-watchdog.ts';
import { sweepStaleTempFiles } from '../lib/storage/sweep-stale-temp-files.ts';
import { getStorage } from '../lib/storage/storage.ts';
import type { JobRegistry } from '../lib/jobs/create-job-registry.ts';

/** Exit status of a worker that ended a runaway job's code by exiting. */
export const RUNAWAY_EXIT_CODE = 75;

export type RunWorkerOptions = {
  concurrency?: number;
  types?: string[];
  excludeTypes?: string[];
  /** Tests run their own job types. */
  registry?: JobRegistry;
  stopGraceMs?: number;
};

export async function runWorker(opts: RunWorkerOptions = {}): Promise<void> {
  const jobRegistry = opts.registry ?? defaultRegistry;
  const controller = new AbortController();
  const interrupt = new AbortController();
  const graceMs = getConfig().workerStopGraceMs;
  let grace: ReturnType<typeof setTimeout> | undefined;
  let signals = 0;
  const stop = () => {
    signals++;
    if (signals === 1) {
      console.log(`[worker] stopping: a running job has ${graceMs / 1000} s to finish, then is handed back (signal again to hand it back now)`);
      controller.abort();
      grace = setTimeout(() => interrupt.abort(), graceMs);
    } else if (signals === 2) {
      console.log('[worker] handing the running job back now (signal again to exit at once)');
      interrupt.abort();
    } else {
      process.exit(130);
    }
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const concurrency = opts.concurrency ?? getConfig().workerConcurrency;
  const unknown = [...(opts.types ?? []), ...(opts.excludeTypes ?? [])].filter((t) => !jobRegistry.has(t));
  if (unknown.length) throw new AppError('INVALID_INPUT', `Unknown job type(s): ${unknown.join(', ')}. Known: ${[...jobRegistry.keys()].join(', ')}.`);
  const scope = opts.types ? `only ${opts.types.join(', ')}` : opts.excludeTypes ? `all but ${opts.excludeTypes.join(', ')}` : 'all jobs';
  console.log(`[worker] started, pid ${process.pid}, concurrency ${concurrency}, ${scope}, data ${getConfig().dataDir}`);
  // what a process that died mid-write left (an upload cut off by a web server crash, a killed conversion)
  const swept = await sweepStaleTempFiles(getConfig().dataDir);
  if (swept.files) console.log(`[worker] removed ${swept.files} stale temp file(s), ${(swept.bytes / 1e6).toFixed(1)} MB`);
  // on S3 also the temp objects (<prefix>/.tmp/) a process killed between upload and publish left in the bucket
  const storage = getStorage();
  if (storage.kind === 's3') {
    const objects = await storage.sweepTemp();
    if (objects.files) console.log(`[worker] removed ${objects.files} stale temp object(s) from ${storage}, ${(objects.bytes / 1e6).toFixed(1)} MB`);
  }
  const watchdog = await startJobWatchdog();
  await workJobs({
    registry: jobRegistry,
    concurrency,
    types: opts.types,
    excludeTypes: opts.excludeTypes,
    signal: controller.signal,
    interrupt: interrupt.signal,
    watchdog,
    stopGraceMs: opts.stopGraceMs,
    onRunaway: (job, outcome) => {
      console.error(`[worker] ${job.type} ${job.id}: ${outcome}, but its code does not stop; the worker exits to end it`);
      process.exit(RUNAWAY_EXIT_CODE);
    },
    onJob: (job, outcome) => console.log(`[worker] ${job.type} ${job.id}: ${outcome}`),
  });
  clearTimeout(grace);
  await watchdog.close();
  console.log('[worker] stopped');
}
