// Cancel for a row that a job works for (an export, a training run): the row must be queued or running; its job is
// cancelled (at once while queued; a running one stops at its next heartbeat and its handler records the end).
import { AppError } from '../errors/app-error.ts';
import { cancelJob } from './cancel-job.ts';
import { ACTIVE_JOB_STATUSES, isActive } from './job-status.ts';

/** The update that marks the row cancelled, only while it is still queued or running (a handler may have ended it). */
export type MarkCancelled = {
  where: { status: { in: string[] } };
  data: { status: 'cancelled'; finishedAt: Date };
};

export type CancelRowJobOptions = {
  /** Names the row in the conflict message: "export", "run". */
  noun: string;
  /** "cancelled", "stopped": what the user asked for, for the conflict message. */
  verb: string;
  /** Applies the update to the row's table (`db.export.updateMany({ where: { id, ...u.where }, data: u.data })`). */
  markCancelled: (update: MarkCancelled) => Promise<unknown>;
};

export async function cancelRowJob(row: { status: string; jobId: string | null }, opts: CancelRowJobOptions): Promise<void> {
  if (!isActive(row)) {
    throw new AppError('CONFLICT', `The ${opts.noun} is ${row.status}; only a queued or running ${opts.noun} can be ${opts.verb}.`);
  }
  if (!row.jobId) return;
  const job = await cancelJob(row.jobId);
  if (job.status === 'cancelled') {
    await opts.markCancelled({ where: { status: { in: [...ACTIVE_JOB_STATUSES] } }, data: { status: 'cancelled', finishedAt: new Date() } });
  }
}
