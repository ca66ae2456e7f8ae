// A job: a name, a zod payload schema, an idempotent handler calling lib/, and a retry budget.
import type { z } from 'zod';

export type JobContext = {
  jobId: string;
  attempt: number;
  /** This is the job's last attempt (attempt ≥ its maxAttempts): a failure now is final, no retry follows. */
  isFinalAttempt: boolean;
  /** Aborted when the job is cancelled or this worker lost its lease. */
  signal: AbortSignal;
  /** fraction in [0, 1]; throttled writes, safe to call often. */
  progress(fraction: number, message?: string): void;
};

export type JobDefinition<S extends z.ZodType = z.ZodType> = {
  name: string;
  schema: S;
  maxAttempts?: number;
  /**
   * Wall-clock seconds one attempt may run (default DEFAULT_JOB_TIME_LIMIT_SEC). At the limit the job's signal is
   * aborted; a handler that has not returned a few seconds later is ended with its worker process (see
   * runClaimedJob). The job then fails permanently with the reason: a retry would run away again.
   */
  timeLimitSec?: number;
  handler(payload: z.infer<S>, ctx: JobContext): Promise<unknown>;
};

export const DEFAULT_JOB_TIME_LIMIT_SEC = 60 * 60;

/** The job's error when it ran past its time limit. */
export function timeLimitReason(limitSec: number): string {
  return `Stopped: it took longer than its limit of ${limitSec} s. Retry it once the cause (a file too large or damaged) is fixed.`;
}

export function defineJob<S extends z.ZodType>(def: JobDefinition<S>): JobDefinition<S> {
  return def;
}

/** Thrown for errors that no retry can fix (bad payload, bad file): the job fails at once. */
export class PermanentJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentJobError';
  }
}
