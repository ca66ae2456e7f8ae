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
  handler(payload: z.infer<S>, ctx: JobContext): Promise<unknown>;
};

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
