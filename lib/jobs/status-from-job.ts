// Rows that a job works for (an export, a training run) keep their own status; when the job ended without the
// handler recording it (it gave up after its last retry, or was cancelled while queued), the job's outcome wins.
import { isActiveStatus, isStoppedStatus, type JobStatus } from './job-status.ts';

type RowState = { status: string; error: string | null; finishedAt: Date | null };
type JobState = { status: string; error: string | null; finishedAt: Date | null } | null;

/** The row's effective state; `persist` is true when it differs from what is stored and should be written. */
export function statusFromJob(row: RowState, job: JobState): RowState & { status: JobStatus; persist: boolean } {
  let status = row.status as JobStatus;
  if (isActiveStatus(status) && job && isStoppedStatus(job.status)) {
    return {
      status: job.status,
      error: job.status === 'failed' ? job.error ?? row.error : null,
      finishedAt: job.finishedAt ?? new Date(),
      persist: true,
    };
  }
  // in between, the job knows better: it started, or it waits for a retry
  if (status === 'queued' && job?.status === 'running') status = 'running';
  else if (status === 'running' && job?.status === 'queued') status = 'queued';
  return { status, error: row.error, finishedAt: row.finishedAt, persist: false };
}
