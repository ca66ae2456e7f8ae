// The fragments a reviewer should look at first: flagged ones (text not in the audio, extra audio, the model
// heard something else, marked for attention) on top, then lowest alignment confidence first, fragments without
// a confidence (never aligned) last; ties in reading order.
import { z } from 'zod';
import { getDb } from '../db/client.ts';
import type { Prisma } from '../db/generated/client.ts';
import { FRAGMENT_STATUSES, fragmentView, type FragmentView } from './fragment-view.ts';
import { assertScopeExists, chapterWhere, reviewScopeInput, type ReviewScope } from './review-scope.ts';

const filters = z.object({
  status: z.array(z.enum(FRAGMENT_STATUSES)).optional(),
  /** Inclusive; a confidence range leaves out fragments without a confidence. */
  minConfidence: z.number().optional(),
  maxConfidence: z.number().optional(),
  flaggedOnly: z.boolean().optional(),
  limit: z.number().int().min(1).max(500).default(100),
  offset: z.number().int().min(0).default(0),
});
export type ReviewQueueInput = ReviewScope & z.input<typeof filters>;

export type ReviewQueueItem = FragmentView & {
  chapter: { id: string; title: string | null; position: number; bookId: string; bookTitle: string };
};

export async function reviewQueue(input: ReviewQueueInput): Promise<{ total: number; items: ReviewQueueItem[] }> {
  const scope = reviewScopeInput.parse(input);
  const f = filters.parse(input);
  const where: Prisma.FragmentWhereInput = {
    chapter: chapterWhere(scope),
    ...(f.status ? { status: { in: f.status } } : {}),
    ...(f.minConfidence !== undefined || f.maxConfidence !== undefined
      ? { confidence: { ...(f.minConfidence !== undefined ? { gte: f.minConfidence } : {}), ...(f.maxConfidence !== undefined ? { lte: f.maxConfidence } : {}) } }
      : {}),
    ...(f.flaggedOnly ? { flag: { not: null } } : {}),
  };
  const db = getDb();
  const orderBy: Prisma.FragmentOrderByWithRelationInput[] = [
    { confidence: { sort: 'asc', nulls: 'last' } },
    { chapter: { book: { createdAt: 'asc' } } },
    { chapter: { bookId: 'asc' } },
    { chapter: { position: 'asc' } },
    { position: 'asc' },
  ];
  const flagged: Prisma.FragmentWhereInput = { AND: [where, { flag: { not: null } }] };
  const plain: Prisma.FragmentWhereInput = { AND: [where, { flag: null }] };
  // one statement for both totals: count(flag) counts the flagged ones
  const { _all: total, flag: flaggedTotal } = await db.fragment.count({ where, select: { _all: true, flag: true } });
  // one ordered list, flagged part first, paged across both parts
  const fromFlagged =
    f.offset < flaggedTotal ? await db.fragment.findMany({ where: flagged, orderBy, skip: f.offset, take: Math.min(f.limit, flaggedTotal - f.offset) }) : [];
  const rest = f.limit - fromFlagged.length;
  const fromPlain = rest > 0 ? await db.fragment.findMany({ where: plain, orderBy, skip: Math.max(0, f.offset - flaggedTotal), take: rest }) : [];
  const rows = [...fromFlagged, ...fromPlain];
  if (total === 0) await assertScopeExists(scope);
  // their chapters once for the whole page (an include would ask for them, and their books, per part)
  const chapterIds = [...new Set(rows.map((r) => r.chapterId))];
  const chapters = new Map(
    (chapterIds.length
      ? await db.chapter.findMany({
          where: { id: { in: chapterIds } },
          select: { id: true, title: true, position: true, bookId: true, book: { select: { title: true } } },
        })
      : []
    ).map((c) => [c.id, c]),
  );
  return {
    total,
    // (a chapter deleted between the two reads takes its paragraphs with it)
    items: rows.flatMap((frag) => {
      const chapter = chapters.get(frag.chapterId);
      if (!chapter) return [];
      return [
        {
          ...fragmentView(frag),
          chapter: { id: chapter.id, title: chapter.title, position: chapter.position, bookId: chapter.bookId, bookTitle: chapter.book.title },
        },
      ];
    }),
  };
}
