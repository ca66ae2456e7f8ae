// The review queue's filters as URL query parameters (status=auto,edited&minConfidence=&maxConfidence=
// &flagged=1&limit=&offset=), shared by the chapter, book and project routes.
import { z } from 'zod';
import { FRAGMENT_STATUSES } from './fragment-view.ts';

const bool = z.enum(['1', '0', 'true', 'false']).transform((v) => v === '1' || v === 'true');
const query = z.object({
  status: z
    .string()
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(z.enum(FRAGMENT_STATUSES)))
    .optional(),
  minConfidence: z.coerce.number().min(0).max(1).optional(),
  maxConfidence: z.coerce.number().min(0).max(1).optional(),
  flagged: bool.optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});

export function parseReviewQueueQuery(params: URLSearchParams) {
  const { flagged, status, ...q } = query.parse(Object.fromEntries(params));
  return { ...q, ...(status && status.length > 0 ? { status } : {}), ...(flagged ? { flaggedOnly: true } : {}) };
}
