// Claims the next runnable job: a queued one that is due, or a running one whose lease expired (its worker
// died). Reclaiming counts as an attempt, so jobs always end: a job whose lease expired with a cancel requested is
// cancelled, and one with no attempts left fails permanently with the reason, instead of being run again (a job
// that kills its worker every time would otherwise loop for ever).
// SQLite (one machine, writes serialised by the file lock): a compare-and-set on (status, attempts) makes
// concurrent claims safe without row locks. PostgreSQL (many workers on many machines): one UPDATE whose subquery
// picks the row with SELECT … FOR UPDATE SKIP LOCKED, so concurrent workers each take a different job in one round
// trip instead of all reading the same first candidate, one winning and the rest retrying (the compare-and-set is
// still safe there, but a crowd of workers mostly loses races and comes back empty-handed while jobs wait).
// Both keep the one Job table and its semantics: leases, attempts, retries and cancel are the same columns.
// Not pg-boss: it keeps jobs in tables of its own with its own states, retry and expiry rules, so PostgreSQL and
// SQLite would run two queues that behave differently, and the app, which reads Job rows for progress, cancel and
// retry, would need a second code path; SKIP LOCKED plus LISTEN/NOTIFY is what it does underneath anyway.
import { getDb } from '../db/client.ts';
import { Prisma } from '../db/generated/client.ts';
import { getConfig } from '../config/env.ts';

export type ClaimFilter = {
  bookId?: string;
  /** Only these job types … */
  types?: string[];
  /** … or all but these (e.g. a worker kept free of long training runs). */
  excludeTypes?: string[];
};

/** The Prisma condition on Job.type for a filter. */
export function typeWhere(filter: ClaimFilter) {
  if (!filter.types && !filter.excludeTypes) return {};
  return { type: { ...(filter.types ? { in: filter.types } : {}), ...(filter.excludeTypes ? { notIn: filter.excludeTypes } : {}) } };
}

/** The reason a job fails when its worker stopped answering on its last attempt. */
export function leaseExpiredReason(attempts: number, maxAttempts: number): string {
  return `The worker running it stopped answering (lease expired) on attempt ${attempts} of ${maxAttempts}: no attempts are left. The job may be too large for this machine (memory, time); retry it once that is fixed.`;
}

type Abandoned = { id: string; attempts: number; maxAttempts: number; cancelRequested: boolean };

/** Ends a job whose worker died when it must not run again: cancelled (as asked) or failed (no attempts left). */
async function endAbandoned(job: Abandoned): Promise<void> {
  const now = new Date();
  const ended = job.cancelRequested
    ? { status: 'cancelled', message: 'Cancelled' }
    : { status: 'failed', error: leaseExpiredReason(job.attempts, job.maxAttempts), message: 'Failed' };
  await getDb().job.updateMany({
    where: { id: job.id, status: 'running', attempts: job.attempts, leaseUntil: { lt: now } },
    data: { ...ended, lockedBy: null, leaseUntil: null, finishedAt: now },
  });
}

export async function claimJob(workerId: string, filter: ClaimFilter = {}) {
  return getConfig().isPostgres ? claimJobSkipLocked(workerId, filter) : claimJobCompareAndSet(workerId, filter);
}

async function claimJobCompareAndSet(workerId: string, filter: ClaimFilter) {
  const db = getDb();
  let ended = 0;
  for (let tries = 0; tries < 5 && ended < 100; tries++) {
    const now = new Date();
    const candidate = await db.job.findFirst({
      where: {
        ...(filter.bookId ? { bookId: filter.bookId } : {}),
        ...typeWhere(filter),
        OR: [
          { status: 'queued', runAt: { lte: now } },
          { status: 'running', leaseUntil: { lt: now } },
        ],
      },
      orderBy: [{ runAt: 'asc' }, { createdAt: 'asc' }],
    });
    if (!candidate) return null;
    if (candidate.status === 'running' && (candidate.cancelRequested || candidate.attempts >= candidate.maxAttempts)) {
      await endAbandoned(candidate);
      ended++;
      tries--; // not a lost race: look for the next job
      continue;
    }
    const leaseUntil = new Date(now.getTime() + getConfig().jobLeaseMs);
    const { count } = await db.job.updateMany({
      where: { id: candidate.id, status: candidate.status, attempts: candidate.attempts },
      data: {
        status: 'running',
        lockedBy: workerId,
        leaseUntil,
        attempts: { increment: 1 },
        startedAt: candidate.startedAt ?? now,
        message: candidate.status === 'running' ? 'Resumed after a worker stopped' : candidate.message,
      },
    });
    if (count === 1) return db.job.findUniqueOrThrow({ where: { id: candidate.id } });
  }
  return null;
}

/** The filter as SQL conditions on "Job" (each preceded by AND). */
function filterSql(filter: ClaimFilter): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (filter.bookId) parts.push(Prisma.sql`AND "bookId" = ${filter.bookId}`);
  if (filter.types) parts.push(filter.types.length ? Prisma.sql`AND "type" IN (${Prisma.join(filter.types)})` : Prisma.sql`AND FALSE`);
  if (filter.excludeTypes?.length) parts.push(Prisma.sql`AND "type" NOT IN (${Prisma.join(filter.excludeTypes)})`);
  return parts.length ? Prisma.join(parts, ' ') : Prisma.empty;
}

async function claimJobSkipLocked(workerId: string, filter: ClaimFilter) {
  const db = getDb();
  const now = new Date();
  const where = filterSql(filter);
  // Expired jobs that must not run again are ended first (rare: a worker died on a cancelled job or its last try).
  const abandoned = await db.$queryRaw<Abandoned[]>`
    SELECT id, attempts, "maxAttempts", "cancelRequested" FROM "Job"
    WHERE status = 'running' AND "leaseUntil" < ${now} AND ("cancelRequested" OR attempts >= "maxAttempts") ${where}
    LIMIT 100`;
  for (const job of abandoned) await endAbandoned(job);
  const leaseUntil = new Date(now.getTime() + getConfig().jobLeaseMs);
  // Row locks held by another claimer are skipped, not waited for: each worker gets a different job.
  const claimed = await db.$queryRaw<{ id: string }[]>`
    UPDATE "Job" SET
      status = 'running',
      "lockedBy" = ${workerId},
      "leaseUntil" = ${leaseUntil},
      attempts = attempts + 1,
      "startedAt" = COALESCE("startedAt", ${now}),
      message = CASE WHEN status = 'running' THEN 'Resumed after a worker stopped' ELSE message END,
      "updatedAt" = ${now}
    WHERE id = (
      SELECT id FROM "Job"
      WHERE ((status = 'queued' AND "runAt" <= ${now})
         OR (status = 'running' AND "leaseUntil" < ${now} AND NOT "cancelRequested" AND attempts < "maxAttempts")) ${where}
      ORDER BY "runAt" ASC, "createdAt" ASC
      LIMIT 1
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id`;
  return claimed[0] ? db.job.findUniqueOrThrow({ where: { id: claimed[0].id } }) : null;
}
