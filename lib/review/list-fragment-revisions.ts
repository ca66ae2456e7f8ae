// A paragraph's history for the editor's side panel, newest first.
import { z } from 'zod';
import { AppError } from '../errors/app-error.ts';
import { getDb } from '../db/client.ts';
import { parseRevisionSnapshot, type RevisionSnapshot } from './revision-snapshot.ts';

export type FragmentRevisionView = {
  id: string;
  /** The fragment's version this revision produced. */
  version: number;
  reason: string;
  user: { id: string; name: string | null; email: string } | null;
  /** Null for the revision that created the fragment (the second half of a split). */
  before: RevisionSnapshot | null;
  after: RevisionSnapshot;
  createdAt: Date;
};

/** The query the route takes (?limit=). */
export const listFragmentRevisionsQuery = z.object({ limit: z.coerce.number().int().min(1).max(1000).optional() });

export async function listFragmentRevisions(fragmentId: string, opts: { limit?: number } = {}): Promise<FragmentRevisionView[]> {
  const db = getDb();
  const [fragment, revisions] = await Promise.all([
    db.fragment.findUnique({ where: { id: fragmentId }, select: { id: true } }),
    db.fragmentRevision.findMany({
      where: { fragmentId },
      orderBy: [{ version: 'desc' }, { createdAt: 'desc' }],
      take: Math.min(Math.max(1, opts.limit ?? 200), 1000),
      include: { user: { select: { id: true, name: true, email: true } } },
    }),
  ]);
  if (!fragment) throw new AppError('NOT_FOUND', 'This paragraph does not exist any more; reload the chapter.', { fragmentId });
  return revisions.map((r) => ({
    id: r.id,
    version: r.version,
    reason: r.reason,
    user: r.user,
    before: parseRevisionSnapshot(r.before),
    after: parseRevisionSnapshot(r.after)!,
    createdAt: r.createdAt,
  }));
}
