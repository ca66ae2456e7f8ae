// Which fragments a queue or a progress report covers: one chapter, one book or one project.
import { z } from 'zod';
import { AppError } from '../errors/app-error.ts';
import { getDb } from '../db/client.ts';

export const reviewScopeInput = z
  .object({ chapterId: z.string().min(1), bookId: z.string().min(1), projectId: z.string().min(1) })
  .partial()
  .refine((s) => [s.chapterId, s.bookId, s.projectId].filter(Boolean).length === 1, {
    message: 'Give exactly one of chapterId, bookId, projectId',
  });
export type ReviewScope = { chapterId: string } | { bookId: string } | { projectId: string };

/** The Prisma filter on Fragment.chapter for a scope. */
export function chapterWhere(scope: z.infer<typeof reviewScopeInput>) {
  if (scope.chapterId) return { id: scope.chapterId };
  if (scope.bookId) return { bookId: scope.bookId };
  return { book: { projectId: scope.projectId! } };
}

/** NOT_FOUND when the chapter, book or project of the scope does not exist. */
export async function assertScopeExists(scope: z.infer<typeof reviewScopeInput>): Promise<void> {
  const db = getDb();
  const found = scope.chapterId
    ? await db.chapter.findUnique({ where: { id: scope.chapterId }, select: { id: true } })
    : scope.bookId
      ? await db.book.findUnique({ where: { id: scope.bookId }, select: { id: true } })
      : await db.project.findUnique({ where: { id: scope.projectId! }, select: { id: true } });
  if (!found) {
    const what = scope.chapterId ? 'chapter' : scope.bookId ? 'book' : 'project';
    throw new AppError('NOT_FOUND', `This ${what} does not exist any more; go back to the project list.`, { scope });
  }
}
