'use client';
// Undo and redo in the editor: a step of the history (useUndoHistory) applied to the fragments as recorded
// (applyPatches) and saved like any edit (planPatchSaves: a linked boundary as one boundary save); a split or a
// merge is taken back or forward by reverting the revision that made it (useStructuralEdits).
import type { FragmentPatch } from '@/lib/review/undo-stack.ts';
import type { EditableField } from '@/lib/review/fragment-edits.ts';
import { applyPatches } from '@/lib/review/apply-patches.ts';
import { planPatchSaves } from '@/lib/review/plan-patch-saves.ts';
import type { useFragmentSaves } from './use-fragment-saves.ts';
import type { useUndoHistory } from './use-undo-history.ts';
import type { useStructuralEdits } from './use-structural-edits.ts';

export function useUndoRedo(
  saves: ReturnType<typeof useFragmentSaves>,
  history: ReturnType<typeof useUndoHistory>,
  structure: ReturnType<typeof useStructuralEdits>,
) {
  const { fragsRef, commit, saveBoundary, saveFields, flushAllText } = saves;

  const applyStep = (patches: FragmentPatch[]) => {
    commit(applyPatches(fragsRef.current, patches));
    for (const s of planPatchSaves(patches)) {
      if (s.kind === 'boundary') saveBoundary(s.leftId, s.rightId);
      else if (fragsRef.current.some((f) => f.id === s.fragmentId)) saveFields(s.fragmentId, Object.keys(s.changes) as EditableField[]);
    }
  };
  const undo = () => {
    flushAllText();
    const s = history.takeUndo();
    if (s?.structural) structure.step(s.structural);
    else if (s) applyStep(s.patches);
  };
  const redo = () => {
    flushAllText();
    const s = history.takeRedo();
    if (s?.structural) structure.step(s.structural);
    else if (s) applyStep(s.patches);
  };

  return { undo, redo };
}
