// Claims the next runnable job: a queued one that is due, or a running one whose lease expired (its worker
// died). A compare-and-set on (status, attempts) makes concurrent claims safe without row locks, on SQLite
// and PostgreSQL alike.
import { getDb } from '../db/client.ts';
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

export async function claimJob(workerId: string, filter: ClaimFilter = {}) {
  const db = getDb();
  for (let tries = 0; tries < 5; tries++) {
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
