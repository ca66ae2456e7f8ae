// A split or a merge (or a revert that puts one back) applied to the editor's fragments as the server answered
// it: the paragraph that stays replaced, the one that came (split off, absorbed paragraph restored) inserted right
// after it, or the one that went (merged, split off) removed; the positions after it move with it.
import type { FragmentView } from './fragment-view.ts';

export type StructuralResult = { fragment: FragmentView; created: FragmentView | null; removedId: string | null };

export function applyStructural(fragments: readonly FragmentView[], r: StructuralResult): FragmentView[] {
  const out: FragmentView[] = [];
  const removed = r.removedId !== null && fragments.some((f) => f.id === r.removedId);
  const added = r.created !== null && !fragments.some((f) => f.id === r.created!.id);
  const delta = (added ? 1 : 0) - (removed ? 1 : 0);
  for (const f of fragments) {
    if (f.id === r.removedId) continue;
    if (f.id === r.created?.id) continue; // already there (an answer applied twice)
    if (f.id === r.fragment.id) {
      out.push(r.fragment);
      if (r.created) out.push(r.created);
    } else out.push(f.position > r.fragment.position && delta !== 0 ? { ...f, position: f.position + delta } : f);
  }
  return out;
}
