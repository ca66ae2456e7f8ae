// The fragments a reviewer should look at first: lowest alignment confidence first, fragments without a
// confidence (never aligned) last; ties in reading order.
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
  const [total, rows] = await Promise.all([
    db.fragment.count({ where }),
    db.fragment.findMany({
      where,
      orderBy: [
        { confidence: { sort: 'asc', nulls: 'last' } },
        { chapter: { book: { createdAt: 'asc' } } },
        { chapter: { bookId: 'asc' } },
        { chapter: { position: 'asc' } },
        { position: 'asc' },
      ],
      skip: f.offset,
      take: f.limit,
      include: { chapter: { select: { id: true, title: true, position: true, bookId: true, book: { select: { title: true } } } } },
    }),
  ]);
  if (total === 0) await assertScopeExists(scope);
  return {
    total,
    items: rows.map(({ chapter, ...frag }) => ({
      ...fragmentView(frag),
      chapter: { id: chapter.id, title: chapter.title, position: chapter.position, bookId: chapter.bookId, bookTitle: chapter.book.title },
    })),
  };
}
