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
  const include = { chapter: { select: { id: true, title: true, position: true, bookId: true, book: { select: { title: true } } } } } as const;
  const flagged: Prisma.FragmentWhereInput = { AND: [where, { flag: { not: null } }] };
  const plain: Prisma.FragmentWhereInput = { AND: [where, { flag: null }] };
  const [total, flaggedTotal] = await Promise.all([db.fragment.count({ where }), db.fragment.count({ where: flagged })]);
  // one ordered list, flagged part first, paged across both parts
  const fromFlagged =
    f.offset < flaggedTotal ? await db.fragment.findMany({ where: flagged, orderBy, skip: f.offset, take: Math.min(f.limit, flaggedTotal - f.offset), include }) : [];
  const rest = f.limit - fromFlagged.length;
  const fromPlain = rest > 0 ? await db.fragment.findMany({ where: plain, orderBy, skip: Math.max(0, f.offset - flaggedTotal), take: rest, include }) : [];
  const rows = [...fromFlagged, ...fromPlain];
  if (total === 0) await assertScopeExists(scope);
  return {
    total,
    items: rows.map(({ chapter, ...frag }) => ({
      ...fragmentView(frag),
      chapter: { id: chapter.id, title: chapter.title, position: chapter.position, bookId: chapter.bookId, bookTitle: chapter.book.title },
    })),
  };
}
