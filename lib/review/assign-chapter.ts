// An admin gives a chapter to someone to review, or takes it back (assigneeId null). The chapter keeps who has it,
// since when and who decided; the assignee's home lists it under "My chapters" (list-my-chapters.ts).
import { z } from 'zod';
import { getDb } from '../db/client.ts';
import { AppError } from '../errors/app-error.ts';
import { parseInput } from '../errors/parse-input.ts';
import { hasRole } from '../auth/roles.ts';

export const assignChapterInput = z.object({
  chapterId: z.string().min(1),
  /** The user who reviews the chapter from now on; null takes it back. */
  assigneeId: z.string().min(1).nullable(),
});

export type ChapterAssignee = { id: string; email: string; name: string | null };
export type ChapterAssignment = { chapterId: string; assignee: ChapterAssignee | null; assignedAt: Date | null };

const assigneeSelect = { id: true, email: true, name: true } as const;

export async function assignChapter(raw: z.input<typeof assignChapterInput>, actor: { id: string; role?: string | null }): Promise<ChapterAssignment> {
  const { chapterId, assigneeId } = parseInput(assignChapterInput, raw);
  // the route asks for the admin role already; a use case called from elsewhere (CLI, jobs) must not skip it
  if (!hasRole(actor.role, 'admin')) {
    throw new AppError('FORBIDDEN', 'Assigning chapters needs an admin. Ask an admin to give you this chapter.', { needed: 'admin' });
  }
  return getDb().$transaction(async (tx) => {
    const chapter = await tx.chapter.findUnique({ where: { id: chapterId }, select: { id: true } });
    if (!chapter) throw new AppError('NOT_FOUND', `Chapter ${chapterId} does not exist any more; reload the review page.`, { chapterId });
    if (assigneeId !== null) {
      const user = await tx.user.findUnique({ where: { id: assigneeId }, select: { id: true } });
      if (!user) {
        throw new AppError('INVALID_INPUT', `No user has the id ${assigneeId}; pick a reviewer from the list (reload the page if they were just removed).`, {
          assigneeId,
        });
      }
    }
    const updated = await tx.chapter.update({
      where: { id: chapterId },
      data: assigneeId === null
        ? { assigneeId: null, assignedAt: null, assignedById: null }
        : { assigneeId, assignedAt: new Date(), assignedById: actor.id },
      select: { id: true, assignedAt: true, assignee: { select: assigneeSelect } },
    });
    return { chapterId: updated.id, assignee: updated.assignee, assignedAt: updated.assignedAt };
  });
}
