// Why a watchdog thread: a job's time limit and its cancel are enforced on the main thread (the job's signal is
// aborted, and a handler still running graceMs later is ended with its process, see runClaimedJob), but timers do
// not fire while synchronous CPU-bound code (a DTW, a parser looping on hostile input) blocks that thread. Running
// every handler in its own worker thread or child would need a Prisma client, the storage and the child-process
// bookkeeping in each, and progress/cancel messaging for all of them; a small watchdog thread only has to notice a
// stuck job, record its end, and kill the process (which the supervisor restarts). It polls the job's cancel flag
// itself, as the main thread's heartbeat is blocked too.
import { Worker } from 'node:worker_threads';

export type WatchedJob = {
  jobId: string;
  type: string;
  workerId: string;
  limitMs: number;
  /** How long the main thread waits for a handler after aborting it before it ends the process itself. */
  graceMs: number;
  /** How often the main thread looks for a cancel (its heartbeat). */
  heartbeatMs: number;
  /** Extra time given to the main thread before the watchdog acts in its place. */
  slackMs: number;
};

export type WatchdogMessage = { kind: 'watch'; job: WatchedJob } | { kind: 'unwatch'; jobId: string };

export type JobWatchdog = {
  /** Watches a job from now; the returned function ends the watch (the job ended on the main thread). */
  watch(job: WatchedJob): () => void;
  close(): Promise<void>;
};

/** Starts the watchdog thread; resolves once it watches (its database client loaded). */
export async function startJobWatchdog(opts: { pollMs?: number } = {}): Promise<JobWatchdog> {
  const thread = new Worker(new URL('./job-watchdog-entry.mjs', import.meta.url), { workerData: { pollMs: opts.pollMs ?? 1000 } });
  await new Promise<void>((resolve, reject) => {
    thread.once('message', () => resolve());
    thread.once('error', reject);
  });
  thread.on('error', (e) => console.error('[worker] the job watchdog stopped:', e));
  thread.unref();
  const post = (m: WatchdogMessage) => thread.postMessage(m);
  return {
    watch(job) {
      post({ kind: 'watch', job });
      return () => post({ kind: 'unwatch', jobId: job.jobId });
    },
    async close() {
      await thread.terminate();
    },
  };
}
