// How much of a chapter, book or project has been reviewed, in audio time: the sum of fragment durations
// (end − begin) by status. Reviewed = approved or rejected; edited = in progress; auto = not looked at.
import { getDb } from '../db/client.ts';
import { isReviewedStatus } from '../chapter-alignment/fragment-status.ts';
import { assertScopeExists, chapterWhere, reviewScopeInput, type ReviewScope } from './review-scope.ts';

export type ProgressNumbers = {
  /** Seconds of audio covered by fragments with times. */
  totalSec: number;
  reviewedSec: number;
  inProgressSec: number;
  pendingSec: number;
  /** reviewedSec / totalSec, 0 when there is no timed audio. */
  reviewedRatio: number;
  fragments: { total: number; approved: number; rejected: number; edited: number; auto: number; untimed: number };
};
export type ChapterProgress = ProgressNumbers & { chapterId: string; bookId: string; title: string | null; position: number };
export type BookProgress = ProgressNumbers & { bookId: string; title: string };
export type ReviewProgress = ProgressNumbers & { books: BookProgress[]; chapters: ChapterProgress[] };

function empty(): ProgressNumbers {
  return {
    totalSec: 0,
    reviewedSec: 0,
    inProgressSec: 0,
    pendingSec: 0,
    reviewedRatio: 0,
    fragments: { total: 0, approved: 0, rejected: 0, edited: 0, auto: 0, untimed: 0 },
  };
}

function add(into: ProgressNumbers, from: ProgressNumbers): void {
  into.totalSec += from.totalSec;
  into.reviewedSec += from.reviewedSec;
  into.inProgressSec += from.inProgressSec;
  into.pendingSec += from.pendingSec;
  for (const k of Object.keys(into.fragments) as Array<keyof ProgressNumbers['fragments']>) into.fragments[k] += from.fragments[k];
}

function finish<T extends ProgressNumbers>(p: T): T {
  const round = (s: number) => Math.round(s * 1000) / 1000;
  p.totalSec = round(p.totalSec);
  p.reviewedSec = round(p.reviewedSec);
  p.inProgressSec = round(p.inProgressSec);
  p.pendingSec = round(p.pendingSec);
  p.reviewedRatio = p.totalSec > 0 ? p.reviewedSec / p.totalSec : 0;
  return p;
}

/** Per chapter and per book (in order) plus the scope's total. Two queries, whatever the size of the scope. */
export async function reviewProgress(scope: ReviewScope): Promise<ReviewProgress> {
  const s = reviewScopeInput.parse(scope);
  const db = getDb();
  const where = chapterWhere(s);
  const [chapters, groups] = await Promise.all([
    db.chapter.findMany({
      where,
      orderBy: [{ book: { createdAt: 'asc' } }, { bookId: 'asc' }, { position: 'asc' }],
      select: { id: true, bookId: true, title: true, position: true, book: { select: { title: true } } },
    }),
    // sum(end) − sum(begin) over timed fragments = the sum of their durations
    db.fragment.groupBy({
      by: ['chapterId', 'status'],
      where: { chapter: where },
      _count: { _all: true, begin: true },
      _sum: { begin: true, end: true },
    }),
  ]);
  if (chapters.length === 0) await assertScopeExists(s);

  const byChapter = new Map<string, ChapterProgress>();
  for (const c of chapters) byChapter.set(c.id, { ...empty(), chapterId: c.id, bookId: c.bookId, title: c.title, position: c.position });
  for (const g of groups) {
    const p = byChapter.get(g.chapterId);
    if (!p) continue;
    const sec = (g._sum.end ?? 0) - (g._sum.begin ?? 0);
    p.totalSec += sec;
    p.fragments.total += g._count._all;
    p.fragments.untimed += g._count._all - g._count.begin;
    if (isReviewedStatus(g.status)) {
      p.reviewedSec += sec;
      p.fragments[g.status] += g._count._all;
    } else if (g.status === 'edited') {
      p.inProgressSec += sec;
      p.fragments.edited += g._count._all;
    } else {
      p.pendingSec += sec;
      p.fragments.auto += g._count._all;
    }
  }

  const total = empty();
  const books = new Map<string, BookProgress>();
  for (const c of chapters) {
    const p = byChapter.get(c.id)!;
    let b = books.get(c.bookId);
    if (!b) books.set(c.bookId, (b = { ...empty(), bookId: c.bookId, title: c.book.title }));
    add(b, p);
    add(total, p);
  }
  return {
    ...finish(total),
    books: [...books.values()].map(finish),
    chapters: [...byChapter.values()].map(finish),
  };
}
