// The queue on PostgreSQL only (vitest.postgres.config.ts): claims that skip rows another claimer has locked
// (SELECT … FOR UPDATE SKIP LOCKED) and idle workers woken by NOTIFY instead of their poll. The shared queue
// semantics (leases, retries, cancel, attempts, races) are lib/jobs/job-queue.test.ts, run on both databases.
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { useTestEnv } from '../testing/use-test-env.ts';
import { getConfig } from '../config/env.ts';
import { getDb } from '../db/client.ts';
import { defineJob, type JobDefinition } from './job-definition.ts';
import { enqueueJob } from './enqueue-job.ts';
import { claimJob } from './claim-job.ts';
import { workJobs } from './work-jobs.ts';
import { retryJob } from './retry-job.ts';

useTestEnv({ env: { ALINEA_JOB_LEASE_SECONDS: '5' } });

const ran: { value: string; at: number }[] = [];
const echo = defineJob({
  name: 'pg-echo',
  schema: z.object({ value: z.string() }),
  async handler(p) {
    ran.push({ value: p.value, at: Date.now() });
  },
});
const registry = new Map<string, JobDefinition>([[echo.name, echo as JobDefinition]]);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function connect(): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: getConfig().databaseUrl });
  await c.connect();
  return c;
}

async function waitFor(what: string, ok: () => boolean, ms: number): Promise<number> {
  const t0 = Date.now();
  while (!ok()) {
    if (Date.now() - t0 > ms) throw new Error(`not within ${ms} ms: ${what}`);
    await sleep(10);
  }
  return Date.now() - t0;
}

describe('job queue on PostgreSQL', () => {
  it('runs on a PostgreSQL database of its own', async () => {
    expect(getConfig().isPostgres).toBe(true);
    const [row] = await getDb().$queryRaw<{ v: string }[]>`SELECT version() AS v`;
    expect(row!.v).toMatch(/^PostgreSQL/);
  });

  it('skips a job whose row another claimer holds locked instead of waiting for it (SKIP LOCKED)', async () => {
    await getDb().job.deleteMany({});
    const first = await enqueueJob(echo, { value: 'locked' });
    const second = await enqueueJob(echo, { value: 'free' }, { runAt: new Date(Date.now() - 1) });
    await getDb().job.update({ where: { id: first.id }, data: { runAt: new Date(Date.now() - 60_000) } }); // first in line
    const other = await connect();
    try {
      await other.query('BEGIN');
      await other.query('SELECT id FROM "Job" WHERE id = $1 FOR UPDATE', [first.id]);
      const t0 = Date.now();
      const claimed = await Promise.race([claimJob('w1'), sleep(3_000).then(() => 'blocked' as const)]);
      expect(claimed).not.toBe('blocked');
      expect(claimed).toMatchObject({ id: second.id, lockedBy: 'w1' });
      expect(Date.now() - t0).toBeLessThan(3_000);
      expect(await claimJob('w2')).toBeNull(); // the only other job is locked: nothing, at once
    } finally {
      await other.query('ROLLBACK');
      await other.end();
    }
    expect(await claimJob('w2')).toMatchObject({ id: first.id, lockedBy: 'w2' });
  });

  it('wakes an idle worker by NOTIFY at once when a job is queued or retried, not at its next poll', async () => {
    await getDb().job.deleteMany({});
    ran.length = 0;
    const stop = new AbortController();
    // a poll of a minute: only the notification can start the job within the test's bounds
    const done = workJobs({ registry, pollMs: 60_000, signal: stop.signal });
    try {
      await sleep(800); // it found nothing and waits
      const t0 = Date.now();
      const job = await enqueueJob(echo, { value: 'wake' });
      await waitFor('the enqueued job ran', () => ran.length === 1, 5_000);
      expect(ran[0]!.at - t0).toBeLessThan(2_000);
      for (let i = 0; i < 100 && (await getDb().job.findUniqueOrThrow({ where: { id: job.id } })).status !== 'succeeded'; i++) await sleep(20);
      // a person queues it again (retryJob): woken too
      await getDb().job.update({ where: { id: job.id }, data: { status: 'failed' } });
      await sleep(300);
      const t1 = Date.now();
      await retryJob(job.id);
      await waitFor('the retried job ran', () => ran.length === 2, 5_000);
      expect(ran[1]!.at - t1).toBeLessThan(2_000);
    } finally {
      const t2 = Date.now();
      stop.abort();
      await done;
      expect(Date.now() - t2).toBeLessThan(2_000); // the stop ends the wait, not the minute's poll
    }
  });

  it('several workers drain the queue together, each job run exactly once', async () => {
    await getDb().job.deleteMany({});
    ran.length = 0;
    for (let i = 0; i < 24; i++) await enqueueJob(echo, { value: `j${i}` });
    const claimedBy = new Map<string, number>();
    await Promise.all(
      Array.from({ length: 3 }, (_, w) =>
        workJobs({ registry, untilIdle: true, concurrency: 2, pollMs: 20, onJob: (j) => claimedBy.set(j.id, (claimedBy.get(j.id) ?? 0) + w + 1) }),
      ),
    );
    expect(ran.map((r) => r.value).sort()).toEqual(Array.from({ length: 24 }, (_, i) => `j${i}`).sort());
    const rows = await getDb().job.findMany();
    expect(rows.every((r) => r.status === 'succeeded' && r.attempts === 1)).toBe(true);
    expect(claimedBy.size).toBe(24);
  });

  it('listens again after its connection drops, and is woken as before', async () => {
    await getDb().job.deleteMany({});
    ran.length = 0;
    const stop = new AbortController();
    const done = workJobs({ registry, pollMs: 60_000, signal: stop.signal });
    const admin = await connect();
    try {
      await sleep(800);
      const killed = await admin.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN alinea_jobs'",
      );
      expect(killed.rowCount).toBe(1);
      await sleep(1_500); // reconnected (after 0.5 s) and listening again
      const t0 = Date.now();
      await enqueueJob(echo, { value: 'after the drop' });
      await waitFor('the job ran', () => ran.length === 1, 5_000);
      expect(ran[0]!.at - t0).toBeLessThan(2_000);
    } finally {
      await admin.end();
      stop.abort();
      await done;
    }
  });
});
