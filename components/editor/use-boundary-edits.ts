'use client';
// Moving boundaries: dragging a region edge (a paragraph's, or at the sentence level a sentence's — an inner
// sentence edge moves inside its paragraph, the outer ones move the paragraph) and nudging the current
// paragraph's edges from the keyboard. The maths are lib/review's (moveBoundary, moveSentenceEdge,
// nudgeBoundary); this wires them to the state, the undo history and the saves.
import type { RefObject } from 'react';
import type { FragmentView } from '@/lib/review/fragment-view.ts';
import { moveBoundary, nudgeBoundary, type BoundaryEdge } from '@/lib/review/region-math.ts';
import { moveSentenceEdge } from '@/lib/review/move-sentence-edge.ts';
import { parseSentenceRegionId } from '@/lib/review/sentence-region-id.ts';
import { patchesBetween, toRegions } from '@/lib/review/fragment-edits.ts';
import { movesLockedEdge } from '@/lib/review/moves-locked-edge.ts';
import type { Notice } from './editor-notice.tsx';
import type { useFragmentSaves } from './use-fragment-saves.ts';
import type { useUndoHistory } from './use-undo-history.ts';
import { regionSpans, type EditorLevel } from './wave-regions.ts';

/** "Snap to pauses": a dragged edge within this many seconds of a pause centre jumps to it. */
const SNAP_RADIUS_SEC = 0.15;
const LOCKED = (position: number) => `Paragraph ${position + 1} has a locked anchor there; unlock it (Ctrl+L) to move it.`;

function withTimes(before: readonly FragmentView[], moved: readonly { begin: number; end: number }[]): FragmentView[] {
  return before.map((f, j) => {
    const r = moved[j];
    return r && (r.begin !== f.begin || r.end !== f.end) ? { ...f, begin: r.begin, end: r.end } : f;
  });
}

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
  const dragged = (id: string, edge: BoundaryEdge, time: number) => {
    const s = parseSentenceRegionId(id);
    const index = indexOf(s ? s.fragmentId : id);
    if (index < 0) return null;
    const before = fragsRef.current;
    if (s) {
      const m = moveSentenceEdge(before, index, s.sentence, edge, time, dragOptions());
      return { index, sentence: s.sentence, kind: m.kind, next: m.fragments };
    }
    const next = withTimes(before, moveBoundary(toRegions(before), index, edge, time, dragOptions()));
    return { index, sentence: null, kind: 'paragraph' as const, next };
  };

  /** While dragging: the regions to show (the dragged one and its neighbours), at the current level. */
  const onEdgeDrag = (id: string, edge: BoundaryEdge, time: number) => {
    const d = dragged(id, edge, time);
    return d ? regionSpans(d.next.slice(Math.max(0, d.index - 1), d.index + 2), opts.level()) : [];
  };

  const onEdgeDrop = (id: string, edge: BoundaryEdge, time: number) => {
    const d = dragged(id, edge, time);
    if (!d) return;
    const before = fragsRef.current;
    const { next, kind } = d;
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
    if (kind === 'sentence') {
      history.record('move sentence boundary', patchesBetween(before, next, ['sentences']));
      saveFields(f.id, ['sentences']);
      return;
    }
    history.record('move boundary', patchesBetween(before, next, ['begin', 'end']));
    saveMoved(changed);
  };

  /** [ and ]: the current paragraph's begin / end, linked to the neighbour. */
  const nudge = (edge: BoundaryEdge, delta: number) => {
    const i = indexOf(currentRef.current);
    const f = fragsRef.current[i];
    if (!f || f.begin === null) return;
    const before = fragsRef.current;
    const next = withTimes(before, nudgeBoundary(toRegions(before), i, edge, delta, { duration, linked: true }));
    const changed = next.filter((g, j) => g !== before[j]);
    if (changed.length === 0) return;
    const locked = movesLockedEdge(before, next);
    if (locked) {
      setNotice({ kind: 'info', message: LOCKED(locked.position) });
      return;
    }
    lastEdgeRef.current = { id: f.id, edge };
    commit(next);
    history.record(`nudge ${edge}`, patchesBetween(before, next, ['begin', 'end']), `nudge:${f.id}:${edge}`);
    saveMoved(changed);
  };

  return { onEdgeDrag, onEdgeDrop, nudge };
}
