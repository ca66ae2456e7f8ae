// "Approve and next": the paragraph to go on to once the current one is approved — the next one that still needs
// review (auto or edited) in the review queue's order (flagged first, then lowest confidence, then reading order:
// unreviewedOrder), counted from where the current paragraph stands in that order, wrapping around to the top;
// the current paragraph itself never. Null when nothing else needs review.
import type { FragmentView } from './fragment-view.ts';
import { unreviewedOrder } from './fragment-edits.ts';

const NEEDS_REVIEW = new Set(['auto', 'edited']);

export function nextToReview(fragments: readonly FragmentView[], currentId: string | null): FragmentView | null {
  const current = fragments.find((f) => f.id === currentId);
  // the current paragraph keeps its place in the order whatever its status (it may have been approved already)
  const order = unreviewedOrder(fragments.map((f) => (f === current && !NEEDS_REVIEW.has(f.status) ? { ...f, status: 'auto' } : f)));
  if (!current) return order[0] ?? null;
  const i = order.findIndex((f) => f.id === current.id);
  const rest = [...order.slice(i + 1), ...order.slice(0, i)];
  const next = rest[0];
  return next ? (fragments.find((f) => f.id === next.id) ?? null) : null;
}
