// The worker loop: claim, run, repeat. Used by the worker process (forever) and by the CLI (until the book's
// jobs are done).
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { claimJob, typeWhere, type ClaimFilter } from './claim-job.ts';
import { runClaimedJob } from './run-claimed-job.ts';
import type { JobRegistry } from './create-job-registry.ts';
import { ACTIVE_JOB_STATUSES } from './job-status.ts';
import { getDb } from '../db/client.ts';

export type WorkOptions = ClaimFilter & {
  registry: JobRegistry;
  /** Stop when no job is runnable now (CLI) instead of polling forever (worker). */
  untilIdle?: boolean;
  pollMs?: number;
  signal?: AbortSignal;
  concurrency?: number;
  onJob?: (job: { id: string; type: string }, outcome: string) => void;
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
      const outcome = await runClaimedJob(job, workerId, opts.registry);
      opts.onJob?.(job, outcome);
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency ?? 1 }, lane));
}
