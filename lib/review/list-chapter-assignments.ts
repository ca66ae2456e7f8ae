// Who has which chapter, for one chapter, book or project: the review page's "Assigned to" column.
import { getDb } from '../db/client.ts';
import type { ChapterAssignment } from './assign-chapter.ts';
import { chapterWhere, reviewScopeInput, type ReviewScope } from './review-scope.ts';

/** One entry per chapter of the scope (unassigned ones with assignee null), in no particular order. */
export async function listChapterAssignments(scope: ReviewScope): Promise<ChapterAssignment[]> {
  const s = reviewScopeInput.parse(scope);
  const chapters = await getDb().chapter.findMany({
    where: chapterWhere(s),
    select: { id: true, assignedAt: true, assignee: { select: { id: true, email: true, name: true } } },
  });
  return chapters.map((c) => ({ chapterId: c.id, assignee: c.assignee, assignedAt: c.assignedAt }));
}
