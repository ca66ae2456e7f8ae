// The undo entry of a dropped edge (a drag or a nudge): what the history records so that undo puts every
// moved field back as it was. A paragraph move records the sentences too: fitting them to the new span clamps
// inner sentence edges (and drops the confidence of those it touched), and undo must restore them exactly, not
// fit the clamped ones back to the old span. The status too: a move makes an 'auto' paragraph 'edited'
// (withEditStatus), and undo makes it 'auto' again.
import type { FragmentView } from './fragment-view.ts';
import { patchesBetween } from './fragment-edits.ts';
import type { FragmentPatch } from './undo-stack.ts';

export type EdgeMoveKind = 'paragraph' | 'sentence';

export function edgeMoveEntry(before: readonly FragmentView[], next: readonly FragmentView[], kind: EdgeMoveKind): { label: string; patches: FragmentPatch[] } {
  if (kind === 'sentence') return { label: 'move sentence boundary', patches: patchesBetween(before, next, ['sentences', 'status']) };
  return { label: 'move boundary', patches: patchesBetween(before, next, ['begin', 'end', 'sentences', 'status']) };
}
