// PostgreSQL: wakes the workers waiting on LISTEN (listen-for-jobs.ts) when a job becomes runnable now (enqueued,
// retried, handed back), so they claim it at once instead of at their next poll. Nothing to do on SQLite (one
// machine; its workers poll). Delivered at commit, to every listening connection on every machine; a lost
// notification costs only latency, the poll is the fallback.
import { getConfig } from '../config/env.ts';
import { getDb } from '../db/client.ts';

/** The channel workers LISTEN on. */
export const JOBS_CHANNEL = 'alinea_jobs';

/** Never throws: the job is stored already, and a notification that fails costs only latency. */
export async function notifyJobsQueued(): Promise<void> {
  if (!getConfig().isPostgres) return;
  await getDb()
    .$executeRawUnsafe(`NOTIFY ${JOBS_CHANNEL}`)
    .catch(() => undefined);
}
