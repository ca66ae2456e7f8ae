'use client';
// Moving boundaries: dragging a region edge (a paragraph's, or at the sentence level a sentence's — an inner
// sentence edge moves inside its paragraph, the outer ones move the paragraph) and nudging the current
// paragraph's edges from the keyboard. The maths are lib/review's (moveBoundary, moveSentenceEdge,
// nudgeBoundary); this wires them to the state, the undo history and the saves.
import type { RefObject } from 'react';
import { nudgeBoundary, type BoundaryEdge } from '@/lib/review/region-math.ts';
import { moveRegionEdge, settleSentences, withTimes } from '@/lib/review/move-region-edge.ts';
import { edgeMoveEntry } from '@/lib/review/edge-move-entry.ts';
import { toRegions } from '@/lib/review/fragment-edits.ts';
import { movesLockedEdge } from '@/lib/review/moves-locked-edge.ts';
import { withEditStatus } from '@/lib/review/edit-status.ts';
import { regionSpans, type EditorLevel } from '@/lib/review/wave-regions.ts';
import type { Notice } from './editor-notice.tsx';
import type { useFragmentSaves } from './use-fragment-saves.ts';
import type { useUndoHistory } from './use-undo-history.ts';

/** "Snap to pauses": a dragged edge within this many seconds of a pause centre jumps to it. */
const SNAP_RADIUS_SEC = 0.15;
const LOCKED = (position: number) => `Paragraph ${position + 1} has a locked anchor there; unlock it (Ctrl+L) to move it.`;

export function useBoundaryEdits(opts: {
  duration: number;
  saves: ReturnType<typeof useFragmentSaves>;
  history: ReturnType<typeof useUndoHistory>;
  setNotice: (notice: Notice | null) => void;
  level: () => EditorLevel;
  currentRef: RefObject<string | null>;
  select: (id: string, opts?: { sentence?: number }) => void;
  /** Alt/Shift held: an edge moves alone. */
  unlinkedRef: RefObject<boolean>;
  snapRef: RefObject<readonly number[] | null>;
  /** The edge last moved (B auditions it, Ctrl+L locks it). */
  lastEdgeRef: RefObject<{ id: string; edge: BoundaryEdge } | null>;
  /** The narrowest a sentence region is drawn, in seconds at the current zoom (a zero-length one keeps handles). */
  minSentenceSec: () => number;
}) {
  const { duration, saves, history, setNotice, currentRef, lastEdgeRef } = opts;
  const { fragsRef, commit, saveFields, saveMoved } = saves;
  const indexOf = (id: string | null) => (id ? fragsRef.current.findIndex((f) => f.id === id) : -1);
  const dragOptions = () => ({
    duration,
    linked: !opts.unlinkedRef.current,
    ...(opts.snapRef.current ? { snapTo: opts.snapRef.current, snapRadius: SNAP_RADIUS_SEC } : {}),
  });

  /** A drag of a paragraph region's edge, or of a sentence region's: the fragments after it and what moved. */
  const dragged = (id: string, edge: BoundaryEdge, time: number) => moveRegionEdge(fragsRef.current, id, edge, time, dragOptions());

  /** While dragging: the regions to show (the dragged one and its neighbours), at the current level. */
  const onEdgeDrag = (id: string, edge: BoundaryEdge, time: number) => {
    const d = dragged(id, edge, time);
    return d ? regionSpans(d.fragments.slice(Math.max(0, d.index - 1), d.index + 2), opts.level(), opts.minSentenceSec()) : [];
  };

  const onEdgeDrop = (id: string, edge: BoundaryEdge, time: number) => {
    const d = dragged(id, edge, time);
    if (!d) return;
    const before = fragsRef.current;
    const { kind } = d;
    const next = withEditStatus(before, d.fragments);
    const f = before[d.index]!;
    const changed = next.filter((g, j) => g !== before[j]);
    if (kind === 'paragraph') lastEdgeRef.current = { id: f.id, edge };
    opts.select(f.id, d.sentence === null ? {} : { sentence: d.sentence });
    const locked = kind === 'paragraph' ? movesLockedEdge(before, next) : null;
    if (locked) setNotice({ kind: 'info', message: LOCKED(locked.position) });
    if (locked || changed.length === 0) {
      commit([...before]); // puts the dragged region back where the data says
      return;
    }
    commit(next);
    const entry = edgeMoveEntry(before, next, kind);
    history.record(entry.label, entry.patches);
    if (kind === 'sentence') saveFields(f.id, ['sentences', 'status']);
    else saveMoved(changed);
  };

  /** [ and ]: the current paragraph's begin / end, linked to the neighbour. */
  const nudge = (edge: BoundaryEdge, delta: number) => {
    const i = indexOf(currentRef.current);
    const f = fragsRef.current[i];
    if (!f || f.begin === null) return;
    const before = fragsRef.current;
    const next = withEditStatus(before, settleSentences(before, withTimes(before, nudgeBoundary(toRegions(before), i, edge, delta, { duration, linked: true }))));
    const changed = next.filter((g, j) => g !== before[j]);
    if (changed.length === 0) return;
    const locked = movesLockedEdge(before, next);
    if (locked) {
      setNotice({ kind: 'info', message: LOCKED(locked.position) });
      return;
    }
    lastEdgeRef.current = { id: f.id, edge };
    commit(next);
    history.record(`nudge ${edge}`, edgeMoveEntry(before, next, 'paragraph').patches, `nudge:${f.id}:${edge}`);
    saveMoved(changed);
  };

  return { onEdgeDrag, onEdgeDrop, nudge };
}
