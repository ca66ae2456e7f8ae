// Runs one claimed job: validates its payload, keeps its lease alive, reports progress, honours cancel, and
// records the outcome. Bad payloads and bad inputs fail at once; other errors retry with backoff.
import { z } from 'zod';
import { isAppError } from '../errors/app-error.ts';
import { getDb } from '../db/client.ts';
import { getConfig } from '../config/env.ts';
import { PermanentJobError } from './job-definition.ts';
import type { JobRegistry } from './create-job-registry.ts';

type ClaimedJob = { id: string; type: string; payload: string; attempts: number; maxAttempts: number };

const PERMANENT_APP_CODES = new Set(['INVALID_INPUT', 'UNSUPPORTED_MEDIA', 'NOT_FOUND', 'TOO_LARGE', 'FORBIDDEN']);

export function isPermanentError(e: unknown): boolean {
  return e instanceof PermanentJobError || e instanceof z.ZodError || (isAppError(e) && PERMANENT_APP_CODES.has(e.code));
}

export function backoffMs(attempt: number): number {
  return Math.min(5_000 * 2 ** Math.max(0, attempt - 1), 10 * 60_000);
}

export type JobOutcome = 'succeeded' | 'failed' | 'retry' | 'cancelled' | 'lost';

export async function runClaimedJob(
  job: ClaimedJob,
  workerId: string,
  registry: JobRegistry,
): Promise<JobOutcome> {
  const db = getDb();
  const mine = { id: job.id, lockedBy: workerId, status: 'running' };
  const controller = new AbortController();
  let cancelled = false;
  let lost = false;

  const def = registry.get(job.type);
  const finish = async (data: Record<string, unknown>) => {
    const { count } = await db.job.updateMany({ where: mine, data: { ...data, leaseUntil: null } });
    return count === 1;
  };
  if (!def) {
    await finish({ status: 'failed', error: `Unknown job type "${job.type}"`, finishedAt: new Date() });
    return 'failed';
  }

  const leaseMs = getConfig().jobLeaseMs;
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
      }
    } catch {
      // a transient database error: the next beat tries again
    }
  }, Math.max(1000, Math.floor(leaseMs / 3)));

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
    const result = await def.handler(payload, {
      jobId: job.id,
      attempt: job.attempts,
      isFinalAttempt: job.attempts >= job.maxAttempts,
      signal: controller.signal,
      progress(fraction, message) {
        pending = { fraction, message };
        if (Date.now() - lastWrite > 400) void flush();
      },
    });
    clearInterval(heartbeat);
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
    const message = e instanceof Error ? e.message : String(e);
    if (lost) return 'lost';
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
  }
}
