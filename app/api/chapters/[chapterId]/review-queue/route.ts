import { z } from 'zod';
import { route } from '../../../_lib/handle-route.ts';
import { FRAGMENT_STATUSES } from '@/lib/review/fragment-view.ts';
import { reviewQueue } from '@/lib/review/review-queue.ts';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const bool = z.enum(['1', '0', 'true', 'false']).transform((v) => v === '1' || v === 'true');
const query = z.object({
  /** Comma-separated: status=auto,edited */
  status: z
    .string()
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(z.enum(FRAGMENT_STATUSES)))
    .optional(),
  minConfidence: z.coerce.number().optional(),
  maxConfidence: z.coerce.number().optional(),
  flagged: bool.optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});

// GET /api/chapters/:id/review-queue?status=auto,edited&minConfidence=&maxConfidence=&flagged=1&limit=&offset=
// → { total, items } worst confidence first.
export const GET = route(async (req, ctx: { params: Promise<{ chapterId: string }> }) => {
  const { chapterId } = await ctx.params;
  const { flagged, status, ...q } = query.parse(Object.fromEntries(new URL(req.url).searchParams));
  return reviewQueue({
    chapterId,
    ...q,
    ...(status && status.length > 0 ? { status } : {}),
    ...(flagged ? { flaggedOnly: true } : {}),
  });
});
