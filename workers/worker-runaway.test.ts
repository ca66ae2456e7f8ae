// A job whose synchronous code never stops (it blocks the worker's main thread: no timer, heartbeat or signal
// handler of that thread runs) still ends: at its time limit, or when cancelled, the watchdog thread records the
// job's end and kills the worker process, which the supervisor restarts.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { useTestEnv } from '../lib/testing/use-test-env.ts';
import { getDb } from '../lib/db/client.ts';
import { enqueueJob } from '../lib/jobs/enqueue-job.ts';
import { cancelJob } from '../lib/jobs/cancel-job.ts';
import { busyJob, busyLimitedJob } from './testing/runaway-jobs.ts';

const env = useTestEnv({ env: { ALINEA_JOB_LEASE_SECONDS: '6' } });
const workers: ChildProcess[] = [];
afterAll(() => {
  for (const w of workers) if (w.exitCode === null && w.signalCode === null) w.kill('SIGKILL');
});

function startRunawayWorker() {
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('workers/testing/runaway-worker.ts')], {
    env: { ...process.env, ALINEA_DATA_DIR: env.dataDir, DATABASE_URL: process.env.DATABASE_URL, ALINEA_JOB_LEASE_SECONDS: '6' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  workers.push(child);
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { log: () => out, exited };
}

async function waitFor<T>(what: string, f: () => Promise<T | undefined | null | false>, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('a job whose code never stops', () => {
  it('is stopped at its time limit: failed with the reason, the worker process ended', async () => {
    const db = getDb();
    const job = await enqueueJob(busyLimitedJob, {});
    const w = startRunawayWorker();
    const t0 = Date.now();
    const exit = await Promise.race([w.exited, new Promise<'hung'>((r) => setTimeout(() => r('hung'), 40_000))]);
    expect(exit, w.log()).not.toBe('hung');
    expect(exit).toMatchObject({ signal: 'SIGKILL' });
    const row = await db.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(row).toMatchObject({ status: 'failed', lockedBy: null, leaseUntil: null });
    expect(row.error).toMatch(/took longer than its limit of 2 s/);
    // 2 s limit + 1 s grace + 3 s slack + a poll, plus the worker's start
    expect(Date.now() - t0).toBeLessThan(30_000);
    expect(w.log()).toMatch(/does not stop/);
  }, 60_000);

  it('is ended by a cancel: cancelled, the worker process ended', async () => {
    const db = getDb();
    const job = await enqueueJob(busyJob, {});
    const w = startRunawayWorker();
    await waitFor('the job to spin', async () => (await db.job.findUniqueOrThrow({ where: { id: job.id } })).message === 'spinning');
    await cancelJob(job.id);
    const exit = await Promise.race([w.exited, new Promise<'hung'>((r) => setTimeout(() => r('hung'), 30_000))]);
    expect(exit, w.log()).not.toBe('hung');
    const row = await db.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(row).toMatchObject({ status: 'cancelled', lockedBy: null, leaseUntil: null, message: 'Cancelled' });
  }, 60_000);
});
