'use client';
// The editor's undo/redo history (lib/review/undo-stack.ts), kept in sessionStorage per chapter so it survives
// a reload. Applying a step is the caller's (patches save like any edit; a split or a merge is reverted).
import { useCallback, useEffect, useRef, useState } from 'react';
import { UndoStack, type FragmentPatch, type StructuralEdit, type UndoStep } from '@/lib/review/undo-stack.ts';

export function useUndoHistory(chapterId: string) {
  const undoRef = useRef(new UndoStack());
  const key = `alinea:undo:${chapterId}`;
  const [labels, setLabels] = useState({ undo: null as string | null, redo: null as string | null });

  const sync = useCallback(() => {
    const stack = undoRef.current;
    setLabels({ undo: stack.undoLabel, redo: stack.redoLabel });
    try {
      sessionStorage.setItem(key, JSON.stringify(stack.toJSON()));
    } catch {
      /* storage full or disabled: undo still works for this page */
    }
  }, [key]);
  useEffect(() => {
    undoRef.current = UndoStack.fromJSON(sessionStorage.getItem(key));
    setLabels({ undo: undoRef.current.undoLabel, redo: undoRef.current.redoLabel });
  }, [key]);

  const record = useCallback(
    (label: string, patches: FragmentPatch[], coalesceKey?: string) => {
      undoRef.current.push(label, patches, coalesceKey === undefined ? {} : { coalesceKey });
      sync();
    },
    [sync],
  );
  const takeUndo = useCallback((): UndoStep | null => {
    const step = undoRef.current.undo();
    sync();
    return step;
  }, [sync]);
  const takeRedo = useCallback((): UndoStep | null => {
    const step = undoRef.current.redo();
    sync();
    return step;
  }, [sync]);
  /** A split or a merge (or a revert that put one back): undone by reverting the revision that made it. */
  const recordStructural = useCallback(
    (label: string, edit: StructuralEdit) => {
      undoRef.current.pushStructural(label, edit);
      sync();
    },
    [sync],
  );
  /** The revision a structural step's revert made: the next undo/redo of that step reverts it. */
  const amend = useCallback(
    (key: string, revisionId: string) => {
      undoRef.current.amend(key, revisionId);
      sync();
    },
    [sync],
  );
  /** A structural entry as it is now (its latest revision), or null once the history forgot it. */
  const structural = useCallback((key: string) => undoRef.current.structural(key), []);
  /** The server refused a structural step: it goes back where it was taken from. */
  const putBack = useCallback(
    (key: string) => {
      undoRef.current.putBack(key);
      sync();
    },
    [sync],
  );
  /** After a sync map import (every paragraph's times changed on the server): the patches no longer apply. */
  const clear = useCallback(() => {
    undoRef.current.clear();
    sync();
  }, [sync]);

  return { labels, record, recordStructural, amend, structural, putBack, takeUndo, takeRedo, clear };
}
