// The statuses of a job, and of the rows a job works for (an export, a training run): statusFromJob keeps those
// in line with their job, so they are one set. Pure (no database): the components import it too.
export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** Waiting for a worker or being worked on: not finished yet (can be cancelled, keeps pages polling). */
export const ACTIVE_JOB_STATUSES = ['queued', 'running'] as const satisfies readonly JobStatus[];
export type ActiveJobStatus = (typeof ACTIVE_JOB_STATUSES)[number];

/** Ended without success: a job can be retried, a training run resumed. */
export const STOPPED_JOB_STATUSES = ['failed', 'cancelled'] as const satisfies readonly JobStatus[];
export type StoppedJobStatus = (typeof STOPPED_JOB_STATUSES)[number];

/**
 * Ended on purpose: succeeded, or cancelled by a user. A handler that finds its row so does not do it again (a retry
 * after the row was recorded); a training run so ended has written its final checkpoint.
 */
export const DONE_JOB_STATUSES = ['succeeded', 'cancelled'] as const satisfies readonly JobStatus[];
export type DoneJobStatus = (typeof DONE_JOB_STATUSES)[number];

export function isActiveStatus(status: string | null | undefined): status is ActiveJobStatus {
  return (ACTIVE_JOB_STATUSES as readonly string[]).includes(status ?? '');
}

export function isStoppedStatus(status: string | null | undefined): status is StoppedJobStatus {
  return (STOPPED_JOB_STATUSES as readonly string[]).includes(status ?? '');
}

export function isDoneStatus(status: string | null | undefined): status is DoneJobStatus {
  return (DONE_JOB_STATUSES as readonly string[]).includes(status ?? '');
}

/** A job, export or training run that is queued or running (null/undefined: none, so not active). */
export function isActive(row: { status: string } | null | undefined): boolean {
  return isActiveStatus(row?.status);
}

/** A job, export or training run that failed or was cancelled. */
export function isStopped(row: { status: string } | null | undefined): boolean {
  return isStoppedStatus(row?.status);
}

/** A job, export or training run that succeeded or was cancelled. */
export function isDone(row: { status: string } | null | undefined): boolean {
  return isDoneStatus(row?.status);
}
