// The watchdog thread (see job-watchdog.ts). It has its own event loop and its own database connection, so it still
// runs while a job's synchronous code blocks the worker's main thread. A job it watches that is past its time limit,
// or whose cancel was asked, and that its main thread has not ended well after the main thread would have (the
// main thread is stuck), is recorded (failed with the reason, or cancelled) and then the whole process is killed:
// the supervisor (scripts/start.sh) starts a fresh worker.
import { writeSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { getDb } from '../db/client.ts';
import { timeLimitReason } from './job-definition.ts';
import type { WatchdogMessage, WatchedJob } from './job-watchdog.ts';

const { pollMs } = workerData as { pollMs: number };
const watched = new Map<string, WatchedJob & { since: number; cancelSeenAt?: number }>();

async function endAndKill(job: WatchedJob, data: Record<string, unknown>): Promise<void> {
  await getDb()
    .job.updateMany({
      where: { id: job.jobId, lockedBy: job.workerId, status: 'running' },
      data: { ...data, leaseUntil: null, lockedBy: null, finishedAt: new Date() },
    })
    .catch(() => undefined); // the kill must happen regardless; the lease then expires and the reclaim ends it
  // a thread's console goes through the main thread, which is stuck: write to stderr directly
  writeSync(2, `[worker] ${job.type} ${job.jobId}: ${data.status}, but its code does not stop; ending the worker process\n`);
  // process.exit in a thread ends only the thread; the stuck main thread cannot run a signal handler: SIGKILL
  process.kill(process.pid, 'SIGKILL');
}

async function check(): Promise<void> {
  const now = Date.now();
  for (const job of watched.values()) {
    // the main thread aborts at the limit and gives up after graceMs; this acts only once it plainly has not
    if (now - job.since > job.limitMs + job.graceMs + job.slackMs) {
      return endAndKill(job, { status: 'failed', error: timeLimitReason(job.limitMs / 1000), message: 'Failed' });
    }
    if (job.cancelSeenAt === undefined) {
      const row = await getDb().job.findUnique({ where: { id: job.jobId }, select: { cancelRequested: true } }).catch(() => null);
      if (row?.cancelRequested && watched.has(job.jobId)) job.cancelSeenAt = Date.now();
    } else if (now - job.cancelSeenAt > job.heartbeatMs + job.graceMs + job.slackMs) {
      return endAndKill(job, { status: 'cancelled', message: 'Cancelled' });
    }
  }
}

parentPort!.on('message', (m: WatchdogMessage) => {
  if (m.kind === 'watch') watched.set(m.job.jobId, { ...m.job, since: Date.now() });
  else watched.delete(m.jobId);
});

let busy = false;
setInterval(() => {
  if (busy || watched.size === 0) return;
  busy = true;
  void check().finally(() => (busy = false));
}, pollMs);
parentPort!.postMessage('ready');
