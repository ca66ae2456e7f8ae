// Runs one claimed job: validates its payload, keeps its lease alive, reports progress, honours cancel, and
// records the outcome. Bad payloads and bad inputs fail at once; other errors retry with backoff. A job
// interrupted because its worker is stopping is handed back: queued again, the attempt not counted.
// Every job ends: at its type's time limit, or when cancelled, its signal is aborted; a handler still running
// stopGraceMs later (it ignores its signal) is recorded failed ('took longer than its limit') or cancelled, and
// onRunaway ends the work (the worker exits and is restarted). A watchdog thread does the same for a handler whose
// synchronous code blocks this thread (job-watchdog.ts).
import { z } from 'zod';
import { isAppError } from '../errors/app-error.ts';
import { InterruptedError } from '../errors/interrupted-error.ts';
import { getDb } from '../db/client.ts';
import { getConfig } from '../config/env.ts';
import { DEFAULT_JOB_TIME_LIMIT_SEC, PermanentJobError, timeLimitReason } from './job-definition.ts';
import type { JobWatchdog } from './job-watchdog.ts';
import type { JobRegistry } from './create-job-registry.ts';
import { notifyJobsQueued } from './notify-jobs-queued.ts';

type ClaimedJob = { id: string; type: string; payload: string; attempts: number; maxAttempts: number };

const PERMANENT_APP_CODES = new Set(['INVALID_INPUT', 'UNSUPPORTED_MEDIA', 'NOT_FOUND', 'TOO_LARGE', 'FORBIDDEN']);

export function isPermanentError(e: unknown): boolean {
  return e instanceof PermanentJobError || e instanceof z.ZodError || (isAppError(e) && PERMANENT_APP_CODES.has(e.code));
}

export function backoffMs(attempt: number): number {
  return Math.min(5_000 * 2 ** Math.max(0, attempt - 1), 10 * 60_000);
}

export type JobOutcome = 'succeeded' | 'failed' | 'retry' | 'cancelled' | 'lost' | 'handed-back';

export type RunJobOptions = {
  /** The worker is stopping: abort the job (its signal's reason is an InterruptedError) and hand it back. */
  interrupt?: AbortSignal;
  /** How long a job may take to wind down after the interrupt before it is handed back anyway; default 10 s. */
  windDownMs?: number;
  /** After a job's time limit or cancel aborted its signal, how long its handler has to return; default 5 s. */
  stopGraceMs?: number;
  /**
   * Called (after the job's end is recorded) when a handler did not return within stopGraceMs: the caller ends the
   * work, e.g. the worker process exits. Without it the handler runs on unobserved.
   */
  onRunaway?: (job: { id: string; type: string }, outcome: 'failed' | 'cancelled') => void;
  /** Watches the job from a thread of its own, for handlers that block this one (see job-watchdog.ts). */
  watchdog?: JobWatchdog;
};

/** The job's message while it waits for the next worker after a stop. */
export const HANDED_BACK_MESSAGE = 'Interrupted: the worker stopped; it runs again when a worker starts.';

export async function runClaimedJob(
  job: ClaimedJob,
  workerId: string,
  registry: JobRegistry,
  opts: RunJobOptions = {},
): Promise<JobOutcome> {
  const db = getDb();
  const mine = { id: job.id, lockedBy: workerId, status: 'running' };
  const controller = new AbortController();
  let cancelled = false;
  let lost = false;
  let interrupted = false;

  const def = registry.get(job.type);
  const finish = async (data: Record<string, unknown>) => {
    const { count } = await db.job.updateMany({ where: mine, data: { ...data, leaseUntil: null } });
    return count === 1;
  };
  // Queued again as if this attempt never started; `error` keeps the last real failure, if any.
  const handBack = async () => {
    const queued = await finish({
      status: 'queued',
      attempts: { decrement: 1 },
      lockedBy: null,
      runAt: new Date(),
      progress: 0,
      message: HANDED_BACK_MESSAGE,
    });
    // another worker that is still running may take it now (PostgreSQL; best effort, the poll is the fallback)
    if (queued) await notifyJobsQueued();
    return 'handed-back' as const;
  };
  if (!def) {
    await finish({ status: 'failed', error: `Unknown job type "${job.type}"`, finishedAt: new Date() });
    return 'failed';
  }
  if (opts.interrupt?.aborted) return handBack();

  // A handler that ignores its signal cannot hold the worker: after windDownMs it is handed back regardless.
  let windDown: ReturnType<typeof setTimeout> | undefined;
  const ABANDONED = Symbol('abandoned');
  let onInterrupt = (): void => undefined;
  const abandoned = new Promise<typeof ABANDONED>((resolve) => {
    onInterrupt = () => {
      interrupted = true;
      controller.abort(new InterruptedError('The worker is stopping; the job is handed back and runs again when a worker starts.'));
      windDown = setTimeout(() => resolve(ABANDONED), opts.windDownMs ?? 10_000);
    };
  });
  opts.interrupt?.addEventListener('abort', onInterrupt, { once: true });

  // The time limit and a cancel abort the signal; a handler that ignores it is given up stopGraceMs later.
  const limitSec = def.timeLimitSec ?? DEFAULT_JOB_TIME_LIMIT_SEC;
  const stopGraceMs = opts.stopGraceMs ?? 5_000;
  let timedOut = false;
  let runawayTimer: ReturnType<typeof setTimeout> | undefined;
  const RUNAWAY = Symbol('runaway');
  let onStopAsked = (): void => undefined;
  const runaway = new Promise<typeof RUNAWAY>((resolve) => {
    onStopAsked = () => {
      runawayTimer ??= setTimeout(() => resolve(RUNAWAY), stopGraceMs);
    };
  });
  const limitTimer = setTimeout(() => {
    timedOut = true;
    controller.abort(new PermanentJobError(timeLimitReason(limitSec)));
    onStopAsked();
  }, limitSec * 1000);

  const leaseMs = getConfig().jobLeaseMs;
  const heartbeatMs = Math.max(1000, Math.floor(leaseMs / 3));
  const unwatch = opts.watchdog?.watch({
    jobId: job.id,
    type: job.type,
    workerId,
    limitMs: limitSec * 1000,
    graceMs: stopGraceMs,
    heartbeatMs,
    slackMs: 3_000,
  });
  const heartbeat = setInterval(async () => {
    try {
      const { count } = await db.job.updateMany({
        where: mine,
        data: { leaseUntil: new Date(Date.now() + leaseMs) },
      });
      if (count === 0) {
        lost = true;
        controller.abort(new Error('Lease lost'));
        return;
      }
      const row = await db.job.findUnique({ where: { id: job.id }, select: { cancelRequested: true } });
      if (row?.cancelRequested) {
        cancelled = true;
        controller.abort(new Error('Cancelled'));
        onStopAsked();
      }
    } catch {
      // a transient database error: the next beat tries again
    }
  }, heartbeatMs);

  let lastWrite = 0;
  let pending: { fraction: number; message?: string } | undefined;
  const flush = async () => {
    if (!pending) return;
    const p = pending;
    pending = undefined;
    lastWrite = Date.now();
    await db.job
      .updateMany({ where: mine, data: { progress: Math.max(0, Math.min(1, p.fraction)), ...(p.message ? { message: p.message } : {}) } })
      .catch(() => {});
  };

  try {
    const payload = def.schema.parse(JSON.parse(job.payload));
    const handled = def.handler(payload, {
      jobId: job.id,
      attempt: job.attempts,
      isFinalAttempt: job.attempts >= job.maxAttempts,
      signal: controller.signal,
      progress(fraction, message) {
        pending = { fraction, message };
        if (Date.now() - lastWrite > 400) void flush();
      },
    });
    handled.catch(() => undefined); // settles after the race below when abandoned
    const result = await Promise.race([handled, abandoned, runaway]);
    clearInterval(heartbeat);
    clearTimeout(windDown);
    if (result === ABANDONED) return lost ? 'lost' : await handBack();
    if (result === RUNAWAY) {
      if (lost) return 'lost';
      const outcome = timedOut ? 'failed' : 'cancelled';
      const ended = await finish(
        timedOut
          ? { status: 'failed', error: timeLimitReason(limitSec), message: 'Failed', finishedAt: new Date() }
          : { status: 'cancelled', message: 'Cancelled', finishedAt: new Date() },
      );
      opts.onRunaway?.({ id: job.id, type: job.type }, outcome);
      return ended ? outcome : 'lost';
    }
    await flush();
    const ok = await finish({
      status: 'succeeded',
      progress: 1,
      result: result === undefined ? null : JSON.stringify(result),
      error: null,
      finishedAt: new Date(),
    });
    return ok ? 'succeeded' : 'lost';
  } catch (e) {
    clearInterval(heartbeat);
    clearTimeout(windDown);
    const message = e instanceof Error ? e.message : String(e);
    if (lost) return 'lost';
    if (timedOut) {
      await finish({ status: 'failed', error: timeLimitReason(limitSec), message: 'Failed', finishedAt: new Date() });
      return 'failed';
    }
    if (interrupted && !cancelled) return handBack();
    if (cancelled || controller.signal.aborted) {
      await finish({ status: 'cancelled', message: 'Cancelled', finishedAt: new Date() });
      return 'cancelled';
    }
    if (isPermanentError(e) || job.attempts >= job.maxAttempts) {
      await finish({ status: 'failed', error: message, message: 'Failed', finishedAt: new Date() });
      return 'failed';
    }
    await finish({
      status: 'queued',
      error: message,
      message: `Retrying after error: ${message}`,
      lockedBy: null,
      runAt: new Date(Date.now() + backoffMs(job.attempts)),
    });
    return 'retry';
  } finally {
    clearInterval(heartbeat);
    clearTimeout(limitTimer);
    clearTimeout(runawayTimer);
    unwatch?.();
    opts.interrupt?.removeEventListener('abort', onInterrupt);
  }
}
