'use client';
// Splits and merges in the editor's state and history: a server answer that changed the paragraphs' structure
// (a split, a merge, or a revert that put one back: applyStructural) applied to the fragments and the server
// copies, recorded as one undo step, and that step taken back or forward by reverting the revision that made it.
import type { RefObject } from 'react';
import { applyStructural, type StructuralResult } from '@/lib/review/apply-structural.ts';
import type { StructuralEdit } from '@/lib/review/undo-stack.ts';
import { editorApi } from './editor-api.ts';
import type { useFragmentSaves } from './use-fragment-saves.ts';
import type { useUndoHistory } from './use-undo-history.ts';
import type { Notice } from './editor-notice.tsx';

let counter = 0;
const newKey = () => `s${Date.now().toString(36)}-${(counter++).toString(36)}`;

export function useStructuralEdits(opts: {
  saves: ReturnType<typeof useFragmentSaves>;
  history: ReturnType<typeof useUndoHistory>;
  currentRef: RefObject<string | null>;
  /** Selects another paragraph (the selected one went away). */
  setCurrent: (id: string | null) => void;
  setNotice: (notice: Notice | null) => void;
}) {
  const { saves, history, currentRef } = opts;
  const { fragsRef, serverRef, commit, refresh, queue, failed } = saves;

  /** The server's answer applied: positions after the change moved on the server too. */
  const apply = (r: StructuralResult) => {
    const server = serverRef.current;
    if (r.removedId) server.delete(r.removedId);
    const out = applyStructural(fragsRef.current, r);
    for (const g of out) server.set(g.id, g === r.fragment || g === r.created ? g : { ...(server.get(g.id) ?? g), position: g.position });
    commit(out);
    if (currentRef.current === r.removedId) opts.setCurrent(r.fragment.id);
    refresh();
  };

  /** Applies a change the reviewer just made and records it as one undo step. */
  const record = (label: string, r: StructuralResult & { revisionId: string | null }) => {
    apply(r);
    const otherId = r.created?.id ?? r.removedId;
    if (r.revisionId && otherId) history.recordStructural(label, { key: newKey(), fragmentId: r.fragment.id, otherId, revisionId: r.revisionId });
  };

  /** Undo or redo of a split or merge: reverts the revision that made the last step to its before. The entry is
   * read when its turn in the queue comes: a step taken right after another reverts what that one made. */
  const step = (taken: StructuralEdit) => {
    queue.enqueue(`structure:${taken.key}`, async () => {
      const edit = history.structural(taken.key) ?? taken;
      const kept = serverRef.current.get(edit.fragmentId);
      if (!kept) return;
      try {
        const r = await editorApi.revert(edit.fragmentId, edit.revisionId, 'before', kept.version, serverRef.current.get(edit.otherId)?.version);
        apply(r);
        if (r.revisionId) history.amend(edit.key, r.revisionId);
        const p = r.fragment.position + 1;
        opts.setNotice({ kind: 'info', message: r.created ? `Paragraphs ${p} and ${p + 1} are apart again.` : `Paragraphs ${p} and ${p + 1} are one again.` });
      } catch (e) {
        history.putBack(edit.key);
        failed(e, [edit.fragmentId], []);
      }
    });
  };

  return { apply, record, step };
}
