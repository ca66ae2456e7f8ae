import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { useTestEnv } from '../testing/use-test-env.ts';
import { getDb } from '../db/client.ts';
import { AppError } from '../errors/app-error.ts';
import { defineJob, type JobDefinition } from './job-definition.ts';
import { enqueueJob } from './enqueue-job.ts';
import { claimJob } from './claim-job.ts';
import { runClaimedJob, backoffMs } from './run-claimed-job.ts';
import { cancelJob } from './cancel-job.ts';
import { cancelRowJob, type MarkCancelled } from './cancel-row-job.ts';
import { retryJob } from './retry-job.ts';
import { workJobs } from './work-jobs.ts';
import { statusFromJob } from './status-from-job.ts';

useTestEnv({ env: { ALINEA_JOB_LEASE_SECONDS: '5' } });

const calls: string[] = [];
const echo = defineJob({
  name: 'test-echo',
  schema: z.object({ value: z.string() }),
  async handler(p, ctx) {
    calls.push(p.value);
    ctx.progress(0.5, 'half way');
    return { echoed: p.value };
  },
});
let flakyFailures = 0;
const flakyFinal: boolean[] = [];
const flaky = defineJob({
  name: 'test-flaky',
  schema: z.object({}),
  maxAttempts: 2,
  async handler(_, ctx) {
    flakyFailures++;
    flakyFinal.push(ctx.isFinalAttempt);
    throw new Error('disk briefly unavailable');
  },
});
const badInput = defineJob({
  name: 'test-bad-input',
  schema: z.object({}),
  async handler() {
    throw new AppError('UNSUPPORTED_MEDIA', 'x.mp3 is not a readable audio file');
  },
});
const waits = defineJob({
  name: 'test-waits',
  schema: z.object({}),
  async handler(_p, ctx) {
    await new Promise((resolve, reject) => {
      const t = setTimeout(resolve, 20_000);
      ctx.signal.addEventListener('abort', () => {
        clearTimeout(t);
        reject(ctx.signal.reason);
      });
    });
  },
});
// a handler that never looks at its signal (a long CPU-bound step)
const deaf = defineJob({
  name: 'test-deaf',
  schema: z.object({}),
  async handler() {
    await new Promise((resolve) => setTimeout(resolve, 20_000));
  },
});
const limited = defineJob({ ...waits, name: 'test-waits-limited', timeLimitSec: 1 });
const deafLimited = defineJob({ ...deaf, name: 'test-deaf-limited', timeLimitSec: 1 });
const registry = new Map<string, JobDefinition>(
  ([echo, flaky, badInput, waits, deaf, limited, deafLimited] as JobDefinition[]).map((d) => [d.name, d]),
);

async function clearJobs() {
  await getDb().job.deleteMany({});
}

describe('job queue', () => {
  it('runs a job and records its result and progress', async () => {
    await clearJobs();
    const job = await enqueueJob(echo, { value: 'hola' });
    const claimed = await claimJob('w1');
    expect(claimed?.id).toBe(job.id);
    expect(claimed?.status).toBe('running');
    expect(claimed?.attempts).toBe(1);
    expect(await runClaimedJob(claimed!, 'w1', registry)).toBe('succeeded');
    const done = await getDb().job.findUniqueOrThrow({ where: { id: job.id } });
    expect(done.status).toBe('succeeded');
    expect(done.progress).toBe(1);
    expect(JSON.parse(done.result!)).toEqual({ echoed: 'hola' });
    expect(await claimJob('w1')).toBeNull();
  });

  it('refuses an invalid payload at enqueue, and fails a stored invalid payload permanently', async () => {
    await clearJobs();
    await expect(enqueueJob(echo, { value: 3 } as never)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await getDb().job.create({ data: { type: 'test-echo', payload: '{"value": 3}' } });
    const claimed = await claimJob('w1');
    expect(await runClaimedJob(claimed!, 'w1', registry)).toBe('failed');
    const row = await getDb().job.findUniqueOrThrow({ where: { id: claimed!.id } });
    expect(row.status).toBe('failed');
    expect(row.attempts).toBe(1);
  });

  it('fails permanently on bad input errors without retrying', async () => {
    await clearJobs();
    const job = await enqueueJob(badInput, {});
    expect(await runClaimedJob((await claimJob('w1'))!, 'w1', registry)).toBe('failed');
    const row = await getDb().job.findUniqueOrThrow({ where: { id: job.id } });
    expect(row.error).toContain('x.mp3');
    expect(row.attempts).toBe(1);
  });

  it('retries transient errors with backoff, then fails after maxAttempts', async () => {
    await clearJobs();
    flakyFailures = 0;
    flakyFinal.length = 0;
    const job = await enqueueJob(flaky, {});
    const t0 = Date.now();
    expect(await runClaimedJob((await claimJob('w1'))!, 'w1', registry)).toBe('retry');
    let row = await getDb().job.findUniqueOrThrow({ where: { id: job.id } });
    expect(row.status).toBe('queued');
    expect(row.runAt.getTime()).toBeGreaterThanOrEqual(t0 + backoffMs(1) - 50);
    expect(await claimJob('w1')).toBeNull(); // not due yet
    await getDb().job.update({ where: { id: job.id }, data: { runAt: new Date() } });
    expect(await runClaimedJob((await claimJob('w1'))!, 'w1', registry)).toBe('failed');
    row = await getDb().job.findUniqueOrThrow({ where: { id: job.id } });
    expect(row.status).toBe('failed');
    expect(row.attempts).toBe(2);
    expect(flakyFailures).toBe(2);
    // The handler knows which attempt is its last (maxAttempts 2): it can mark its row failed then, not before.
    expect(flakyFinal).toEqual([false, true]);
    // a person can queue it again
    expect((await retryJob(job.id)).status).toBe('queued');
  });

  it('gives a job whose worker died to another worker once the lease expires', async () => {
    await clearJobs();
    calls.length = 0;
    const job = await enqueueJob(echo, { value: 'again' });
    const first = await claimJob('dead-worker');
    expect(first?.id).toBe(job.id);
    expect(await claimJob('w2')).toBeNull(); // leased
    await getDb().job.update({ where: { id: job.id }, data: { leaseUntil: new Date(Date.now() - 1000) } });
    const second = await claimJob('w2');
    expect(second?.id).toBe(job.id);
    expect(second?.attempts).toBe(2);
    expect(await runClaimedJob(second!, 'w2', registry)).toBe('succeeded');
    // the dead worker coming back cannot overwrite the outcome
    expect(await runClaimedJob(first!, 'dead-worker', registry)).toBe('lost');
    expect((await getDb().job.findUniqueOrThrow({ where: { id: job.id } })).lockedBy).toBe('w2');
  });

  it('jobs always end: a reclaim counts as an attempt, past maxAttempts the job fails, a requested cancel is honoured', async () => {
    await clearJobs();
    const db = getDb();
    const expire = (id: string) => db.job.update({ where: { id }, data: { leaseUntil: new Date(Date.now() - 1000) } });
    // maxAttempts 2: the first reclaim is attempt 2, the next expiry ends it
    const dying = await enqueueJob(flaky, {});
    expect((await claimJob('dead-1'))?.attempts).toBe(1);
    await expire(dying.id);
    expect((await claimJob('dead-2'))?.attempts).toBe(2);
    await expire(dying.id);
    expect(await claimJob('w3')).toBeNull();
    const failed = await db.job.findUniqueOrThrow({ where: { id: dying.id } });
    expect(failed).toMatchObject({ status: 'failed', attempts: 2, lockedBy: null, leaseUntil: null });
    expect(failed.error).toMatch(/stopped answering \(lease expired\) on attempt 2 of 2/);
    expect(failed.finishedAt).not.toBeNull();

    // a cancel asked while its worker was dead: cancelled at reclaim, never run again
    const asked = await enqueueJob(waits, {});
    await claimJob('dead-3');
    await cancelJob(asked.id);
    await expire(asked.id);
    const next = await enqueueJob(echo, { value: 'after' });
    expect((await claimJob('w4'))?.id).toBe(next.id); // the cancelled one is skipped, the next job claimed
    const cancelled = await db.job.findUniqueOrThrow({ where: { id: asked.id } });
    expect(cancelled).toMatchObject({ status: 'cancelled', attempts: 1, lockedBy: null, leaseUntil: null, message: 'Cancelled' });
    // … and the row it works for (an export, a training run) follows its job, as after a cancel while queued
    expect(statusFromJob({ status: 'running', error: null, finishedAt: null }, cancelled)).toMatchObject({ status: 'cancelled', persist: true });
    expect(statusFromJob({ status: 'running', error: null, finishedAt: null }, failed)).toMatchObject({ status: 'failed', error: failed.error, persist: true });
  });

  it('stops a job at its time limit: failed permanently with the reason', async () => {
    await clearJobs();
    const job = await enqueueJob(limited, {});
    const t0 = Date.now();
    expect(await runClaimedJob((await claimJob('w1'))!, 'w1', registry)).toBe('failed');
    expect(Date.now() - t0).toBeLessThan(4000);
    const row = await getDb().job.findUniqueOrThrow({ where: { id: job.id } });
    expect(row).toMatchObject({ status: 'failed', attempts: 1, leaseUntil: null });
    expect(row.error).toMatch(/took longer than its limit of 1 s/);
  });

  it('records the end of a handler that ignores its time limit or cancel, then has the caller end its work', async () => {
    await clearJobs();
    const db = getDb();
    const runaways: { outcome: string; status: string }[] = [];
    const onRunaway = async (j: { id: string }, outcome: string) => {
      // the job's end is recorded before the worker is asked to end the work (it exits)
      runaways.push({ outcome, status: (await db.job.findUniqueOrThrow({ where: { id: j.id } })).status });
    };
    const slow = await enqueueJob(deafLimited, {});
    const t0 = Date.now();
    expect(await runClaimedJob((await claimJob('w1'))!, 'w1', registry, { stopGraceMs: 300, onRunaway })).toBe('failed');
    expect(Date.now() - t0).toBeLessThan(4000); // the handler would run 20 s
    expect((await db.job.findUniqueOrThrow({ where: { id: slow.id } })).error).toMatch(/took longer than its limit of 1 s/);

    const stubborn = await enqueueJob(deaf, {});
    const outcome = runClaimedJob((await claimJob('w1'))!, 'w1', registry, { stopGraceMs: 300, onRunaway });
    await cancelJob(stubborn.id);
    expect(await outcome).toBe('cancelled');
    expect((await db.job.findUniqueOrThrow({ where: { id: stubborn.id } })).status).toBe('cancelled');
    await new Promise((r) => setTimeout(r, 50));
    expect(runaways).toEqual([
      { outcome: 'failed', status: 'failed' },
      { outcome: 'cancelled', status: 'cancelled' },
    ]);
  });

  it('never hands the same job to two concurrent claimers', async () => {
    await clearJobs();
    for (let i = 0; i < 20; i++) await enqueueJob(echo, { value: `v${i}` });
    const claimed: string[] = [];
    await Promise.all(
      Array.from({ length: 4 }, async (_, w) => {
        for (;;) {
          const j = await claimJob(`w${w}`);
          if (!j) return;
          claimed.push(j.id);
        }
      }),
    );
    expect(claimed).toHaveLength(20);
    expect(new Set(claimed).size).toBe(20);
  });

  it('gives one job to exactly one of two workers racing for it', async () => {
    await clearJobs();
    for (let round = 0; round < 10; round++) {
      const job = await enqueueJob(echo, { value: `race ${round}` });
      const [a, b] = await Promise.all([claimJob('racer-a'), claimJob('racer-b')]);
      const winners = [a, b].filter((j) => j !== null);
      expect(winners).toHaveLength(1);
      expect(winners[0]).toMatchObject({ id: job.id, status: 'running', attempts: 1 });
      const row = await getDb().job.findUniqueOrThrow({ where: { id: job.id } });
      expect(row.lockedBy).toBe(a ? 'racer-a' : 'racer-b');
      expect(row.attempts).toBe(1);
      await getDb().job.update({ where: { id: job.id }, data: { status: 'succeeded', leaseUntil: null } });
    }
  });

  it('cancels a queued job at once and a running job at its next heartbeat', async () => {
    await clearJobs();
    const queued = await enqueueJob(echo, { value: 'never' });
    expect((await cancelJob(queued.id)).status).toBe('cancelled');
    const running = await enqueueJob(waits, {});
    const claimed = (await claimJob('w1'))!;
    expect(claimed.id).toBe(running.id);
    const outcome = runClaimedJob(claimed, 'w1', registry);
    await cancelJob(running.id);
    expect(await outcome).toBe('cancelled');
    expect((await getDb().job.findUniqueOrThrow({ where: { id: running.id } })).status).toBe('cancelled');
  });

  it('hands a job back when its worker stops: queued, attempt not counted, lease cleared, no error', async () => {
    await clearJobs();
    const db = getDb();
    const job = await enqueueJob(waits, {});
    const claimed = (await claimJob('w1'))!;
    expect(claimed.attempts).toBe(1);
    const interrupt = new AbortController();
    const outcome = runClaimedJob(claimed, 'w1', registry, { interrupt: interrupt.signal });
    await new Promise((r) => setTimeout(r, 50));
    interrupt.abort();
    expect(await outcome).toBe('handed-back');
    const row = await db.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(row).toMatchObject({ status: 'queued', attempts: 0, lockedBy: null, leaseUntil: null, error: null, finishedAt: null });
    expect(row.runAt.getTime()).toBeLessThanOrEqual(Date.now());
    // the next worker claims it at once and it counts as the first attempt
    expect((await claimJob('w2'))).toMatchObject({ id: job.id, attempts: 1 });
  });

  it('hands back a job whose handler ignores the interrupt once the wind-down time is over', async () => {
    await clearJobs();
    const job = await enqueueJob(deaf, {});
    const claimed = (await claimJob('w1'))!;
    const interrupt = new AbortController();
    const t0 = Date.now();
    const outcome = runClaimedJob(claimed, 'w1', registry, { interrupt: interrupt.signal, windDownMs: 200 });
    interrupt.abort();
    expect(await outcome).toBe('handed-back');
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect(await getDb().job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ status: 'queued', attempts: 0 });
  });

  it('workJobs stops claiming on its signal and hands the running job back on interrupt', async () => {
    await clearJobs();
    const job = await enqueueJob(waits, {});
    const stop = new AbortController();
    const interrupt = new AbortController();
    const outcomes: string[] = [];
    const done = workJobs({ registry, signal: stop.signal, interrupt: interrupt.signal, pollMs: 20, onJob: (_j, o) => outcomes.push(o) });
    for (let i = 0; i < 100 && (await getDb().job.findUniqueOrThrow({ where: { id: job.id } })).status !== 'running'; i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    stop.abort();
    interrupt.abort();
    await done;
    expect(outcomes).toEqual(['handed-back']);
    expect(await getDb().job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ status: 'queued', attempts: 0 });
  });

  it('claims only the job types a worker is for (--only / --except)', async () => {
    await clearJobs();
    const e = await enqueueJob(echo, { value: 'x' });
    const f = await enqueueJob(flaky, {});
    expect((await claimJob('trainer', { types: ['test-flaky'] }))?.id).toBe(f.id);
    expect(await claimJob('trainer', { types: ['test-flaky'] })).toBeNull();
    expect((await claimJob('general', { excludeTypes: ['test-flaky'] }))?.id).toBe(e.id);
    expect(await claimJob('general', { excludeTypes: ['test-flaky', 'test-echo'] })).toBeNull();
  });

  it('workJobs with untilIdle drains the queue of one book and returns', async () => {
    await clearJobs();
    calls.length = 0;
    const project = await getDb().project.create({ data: { name: 'q' } });
    const book = await getDb().book.create({ data: { projectId: project.id, title: 'b' } });
    await enqueueJob(echo, { value: 'a' }, { bookId: book.id });
    await enqueueJob(echo, { value: 'b' }, { bookId: book.id });
    await enqueueJob(echo, { value: 'other book' });
    await workJobs({ registry, bookId: book.id, untilIdle: true, pollMs: 50 });
    expect(calls.sort()).toEqual(['a', 'b']);
    expect(await getDb().job.count({ where: { status: 'queued' } })).toBe(1);
  });

  it('cancelRowJob marks a row cancelled when its queued job is, leaves a running one to its handler, refuses an ended one', async () => {
    await clearJobs();
    const marked: MarkCancelled[] = [];
    const opts = { noun: 'export', verb: 'cancelled', markCancelled: async (u: MarkCancelled) => void marked.push(u) };
    const queued = await enqueueJob(echo, { value: 'q' });
    await cancelRowJob({ status: 'queued', jobId: queued.id }, opts);
    expect(marked).toEqual([{ where: { status: { in: ['queued', 'running'] } }, data: { status: 'cancelled', finishedAt: expect.any(Date) } }]);
    const running = await enqueueJob(echo, { value: 'r' });
    await claimJob('w1');
    await cancelRowJob({ status: 'running', jobId: running.id }, opts);
    expect(marked).toHaveLength(1);
    expect((await getDb().job.findUniqueOrThrow({ where: { id: running.id } })).cancelRequested).toBe(true);
    await expect(cancelRowJob({ status: 'succeeded', jobId: queued.id }, opts)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'The export is succeeded; only a queued or running export can be cancelled.',
    });
  });
});
