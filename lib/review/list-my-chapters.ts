// A reviewer's work: the chapters assigned to them, with how far their review has come. Progress counts
// paragraphs: reviewed (approved or rejected) of all the chapter's paragraphs.
import { z } from 'zod';
import { getDb } from '../db/client.ts';
import { parseInput } from '../errors/parse-input.ts';
import { isReviewedStatus } from '../chapter-alignment/fragment-status.ts';

export const listMyChaptersInput = z.object({ userId: z.string().min(1) });

export type MyChapter = {
  chapterId: string;
  title: string | null;
  position: number;
  alignStatus: string;
  assignedAt: Date | null;
  book: { id: string; title: string };
  project: { id: string; name: string };
  fragments: { total: number; reviewed: number; approved: number };
  /** reviewed / total paragraphs; 0 for a chapter without paragraphs (not aligned yet). */
  reviewedRatio: number;
};

/** The user's chapters by project, book and position. Two queries, whatever the number of chapters. */
export async function listMyChapters(raw: z.input<typeof listMyChaptersInput>): Promise<MyChapter[]> {
  const { userId } = parseInput(listMyChaptersInput, raw);
  const db = getDb();
  const [chapters, groups] = await Promise.all([
    db.chapter.findMany({
      where: { assigneeId: userId },
      orderBy: [{ book: { project: { name: 'asc' } } }, { book: { createdAt: 'asc' } }, { bookId: 'asc' }, { position: 'asc' }],
      select: {
        id: true,
        title: true,
        position: true,
        alignStatus: true,
        assignedAt: true,
        book: { select: { id: true, title: true, project: { select: { id: true, name: true } } } },
      },
    }),
    db.fragment.groupBy({ by: ['chapterId', 'status'], where: { chapter: { assigneeId: userId } }, _count: { _all: true } }),
  ]);
  const counts = new Map<string, MyChapter['fragments']>();
  for (const g of groups) {
    const c = counts.get(g.chapterId) ?? { total: 0, reviewed: 0, approved: 0 };
    c.total += g._count._all;
    if (isReviewedStatus(g.status)) c.reviewed += g._count._all;
    if (g.status === 'approved') c.approved += g._count._all;
    counts.set(g.chapterId, c);
  }
  return chapters.map((c) => {
    const fragments = counts.get(c.id) ?? { total: 0, reviewed: 0, approved: 0 };
    return {
      chapterId: c.id,
      title: c.title,
      position: c.position,
      alignStatus: c.alignStatus,
      assignedAt: c.assignedAt,
      book: { id: c.book.id, title: c.book.title },
      project: c.book.project,
      fragments,
      reviewedRatio: fragments.total > 0 ? fragments.reviewed / fragments.total : 0,
    };
  });
}
