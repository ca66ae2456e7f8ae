// The worker loop: claim, run, repeat. Used by the worker process (forever) and by the CLI (until the book's
// jobs are done). With nothing to claim it waits pollMs (SQLite) or, on PostgreSQL, until a NOTIFY says a job
// was queued (listen-for-jobs.ts), with the poll as the fallback.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { claimJob, typeWhere, type ClaimFilter } from './claim-job.ts';
import { runClaimedJob, type JobOutcome, type RunJobOptions } from './run-claimed-job.ts';
import type { JobRegistry } from './create-job-registry.ts';
import { ACTIVE_JOB_STATUSES } from './job-status.ts';
import { getDb } from '../db/client.ts';
import { getConfig } from '../config/env.ts';
import { listenForJobs, type JobWakeups } from './listen-for-jobs.ts';

export type WorkOptions = ClaimFilter & {
  registry: JobRegistry;
  /** Stop when no job is runnable now (CLI) instead of polling forever (worker). */
  untilIdle?: boolean;
  /** How often an idle worker looks for work: default 500 ms; on PostgreSQL while LISTENing, 5 s (the fallback). */
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

/** PostgreSQL: the fallback poll of a worker woken by NOTIFY (backoffs and expired leases notify no one). */
export const LISTEN_POLL_MS = 5_000;

export async function workJobs(opts: WorkOptions): Promise<void> {
  const workerId = newWorkerId();
  const filter: ClaimFilter = { bookId: opts.bookId, types: opts.types, excludeTypes: opts.excludeTypes };
  const pollMs = opts.pollMs ?? 500;
  const { isPostgres, databaseUrl } = getConfig();
  const wakeups: JobWakeups | undefined = isPostgres
    ? await listenForJobs(databaseUrl, { onError: (e) => console.error(`[worker] LISTEN connection: ${e.message}`) })
    : undefined;
  const lane = async () => {
    while (!opts.signal?.aborted) {
      const seen = wakeups?.seen ?? 0;
      const job = await claimJob(workerId, filter);
      if (!job) {
        if (opts.untilIdle && !(await hasPendingJobs(filter))) return;
        if (wakeups) await wakeups.wait(wakeups.listening ? (opts.pollMs ?? LISTEN_POLL_MS) : pollMs, seen, opts.signal);
        else await new Promise((r) => setTimeout(r, pollMs));
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
  try {
    await Promise.all(Array.from({ length: opts.concurrency ?? 1 }, lane));
  } finally {
    await wakeups?.close();
  }
}
