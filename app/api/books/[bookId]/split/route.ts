import { route, readBody } from '../../../_lib/handle-route.ts';
import { applySplitAction, applySplitActionInput } from '@/lib/ingest/apply-split-action.ts';

export const runtime = 'nodejs';

// POST /api/books/:id/split { action: 'move', partIndex, newStart } | { action: 'end', lastParagraph } → { starts, end }
// | { action: 'accept', starts?, end? } → { chapters } | { action: 'repropose' } → { ok }
export const POST = route(async (req, ctx: { params: Promise<{ bookId: string }> }) => {
  const { bookId } = await ctx.params;
  return applySplitAction(bookId, await readBody(req, applySplitActionInput));
}, { role: 'admin' });
