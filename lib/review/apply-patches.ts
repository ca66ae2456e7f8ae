// Applying an undo/redo step to the editor's fragments: each patch's `after` replaces the fields it names, as they
// were recorded (sentences included, exactly: they are not fitted again to the paragraph's times).
import type { FragmentView } from './fragment-view.ts';
import type { FragmentPatch } from './undo-stack.ts';

export function applyPatches(fragments: readonly FragmentView[], patches: readonly FragmentPatch[]): FragmentView[] {
  const byId = new Map(patches.map((p) => [p.fragmentId, p.after]));
  return fragments.map((f) => {
    const after = byId.get(f.id);
    return after ? { ...f, ...after } : f;
  });
}
