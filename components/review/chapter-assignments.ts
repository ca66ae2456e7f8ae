// Server side: who has which chapter of a review page's scope, and (for admins only) everyone they can assign.
import { listUsers } from '@/lib/auth/list-users.ts';
import { listChapterAssignments } from '@/lib/review/list-chapter-assignments.ts';
import type { ChapterAssignee } from '@/lib/review/assign-chapter.ts';
import type { ReviewScope } from '@/lib/review/review-scope.ts';
import { pageUserHasRole } from '../auth/page-user.ts';

export type AssignableUser = ChapterAssignee & { role: string };
export type ChapterAssignments = {
  byChapter: Record<string, ChapterAssignee | null>;
  /** Who an admin may pick; null for reviewers, who see the assignees but cannot change them. */
  users: AssignableUser[] | null;
};

export async function loadChapterAssignments(scope: ReviewScope): Promise<ChapterAssignments> {
  const [assignments, isAdmin] = await Promise.all([listChapterAssignments(scope), pageUserHasRole('admin')]);
  const users = isAdmin ? (await listUsers()).map(({ id, email, name, role }) => ({ id, email, name, role })) : null;
  return { byChapter: Object.fromEntries(assignments.map((a) => [a.chapterId, a.assignee])), users };
}
