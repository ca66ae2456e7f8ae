// The worker loop: claim, run, repeat. Used by the worker process (forever) and by the CLI (until the book's
// jobs are done).
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { claimJob, typeWhere, type ClaimFilter } from './claim-job.ts';
import { runClaimedJob, type JobOutcome, type RunJobOptions } from './run-claimed-job.ts';
import type { JobRegistry } from './create-job-registry.ts';
import { ACTIVE_JOB_STATUSES } from './job-status.ts';
import { getDb } from '../db/client.ts';

export type WorkOptions = ClaimFilter & {
  registry: JobRegistry;
  /** Stop when no job is runnable now (CLI) instead of polling forever (worker). */
  untilIdle?: boolean;
  pollMs?: number;
  /** Stop claiming: running jobs go on (see interrupt). */
  signal?: AbortSignal;
  /** Abort the running jobs and hand them back (queued, the attempt not counted), e.g. when the worker stops. */
  interrupt?: AbortSignal;
  /** How long an interrupted job may take to wind down before it is handed back anyway (see runClaimedJob). */
  windDownMs?: number;
  concurrency?: number;
  /** Time limits and cancels of handlers that ignore their signal (see runClaimedJob). */
  stopGraceMs?: RunJobOptions['stopGraceMs'];
  onRunaway?: RunJobOptions['onRunaway'];
  watchdog?: RunJobOptions['watchdog'];
  onJob?: (job: { id: string; type: string }, outcome: JobOutcome) => void;
};

export function newWorkerId(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

async function hasPendingJobs(filter: ClaimFilter): Promise<boolean> {
  const n = await getDb().job.count({
    where: {
      ...(filter.bookId ? { bookId: filter.bookId } : {}),
      ...typeWhere(filter),
      status: { in: [...ACTIVE_JOB_STATUSES] },
    },
  });
  return n > 0;
}

export async function workJobs(opts: WorkOptions): Promise<void> {
  const workerId = newWorkerId();
  const filter: ClaimFilter = { bookId: opts.bookId, types: opts.types, excludeTypes: opts.excludeTypes };
  const pollMs = opts.pollMs ?? 500;
  const lane = async () => {
    while (!opts.signal?.aborted) {
      const job = await claimJob(workerId, filter);
      if (!job) {
        if (opts.untilIdle && !(await hasPendingJobs(filter))) return;
        await new Promise((r) => setTimeout(r, pollMs));
        continue;
      }
      const outcome = await runClaimedJob(job, workerId, opts.registry, {
        interrupt: opts.interrupt,
        windDownMs: opts.windDownMs,
        stopGraceMs: opts.stopGraceMs,
        onRunaway: opts.onRunaway,
        watchdog: opts.watchdog,
      });
      opts.onJob?.(job, outcome);
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency ?? 1 }, lane));
}
