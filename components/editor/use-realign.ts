'use client';
// Anchors and re-alignment between them: lock/unlock a boundary, start a span re-alignment, preview its proposal
// (ghost boundaries), accept (saved like any edit, undoable) or discard it.
import { useState, type RefObject } from 'react';
import type { FragmentView } from '@/lib/review/fragment-view.ts';
import type { BoundaryEdge } from '@/lib/review/move-boundary.ts';
import type { RealignProposal } from '@/lib/review/realign-proposal.ts';
import { patchesBetween } from '@/lib/review/fragment-edits.ts';
import { ApiError } from '../api-client.ts';
import { editorApi } from './editor-api.ts';
import type { Notice } from './editor-notice.tsx';
import type { useFragmentSaves } from './use-fragment-saves.ts';
import type { useUndoHistory } from './use-undo-history.ts';

export function useRealign(opts: {
  chapterId: string;
  saves: ReturnType<typeof useFragmentSaves>;
  history: ReturnType<typeof useUndoHistory>;
  setNotice: (notice: Notice | null) => void;
  /** The selected paragraph, and the boundary B auditions and Ctrl+L locks (the edge last moved, else the end). */
  currentRef: RefObject<string | null>;
  lastEdgeRef: RefObject<{ id: string; edge: BoundaryEdge } | null>;
}) {
  const { chapterId, saves, history, setNotice, currentRef, lastEdgeRef } = opts;
  const { queue, fragsRef, serverRef, commit, saved, failed, flushAllText } = saves;
  const [job, setJob] = useState<string | null>(null);
  const [proposal, setProposal] = useState<RealignProposal | null>(null);
  const [busy, setBusy] = useState(false);
  const current = () => fragsRef.current.find((f) => f.id === currentRef.current);
  const error = (err: unknown) => setNotice({ kind: 'error', message: err instanceof Error ? err.message : String(err) });

  const toggleLock = (edge?: BoundaryEdge) => {
    const f = current();
    if (!f) return;
    const last = lastEdgeRef.current;
    const e = edge ?? (last && last.id === f.id ? last.edge : 'end');
    const locked = !(e === 'begin' ? f.lockedBegin : f.lockedEnd);
    // after pending saves, so the anchor is where the reviewer sees it
    queue.enqueue(`lock:${f.id}:${e}`, async () => {
      try {
        const views = await editorApi.setAnchor(chapterId, f.id, e, locked);
        const byId = new Map(views.map((v) => [v.id, v]));
        const withLocks = (g: FragmentView) => {
          const v = byId.get(g.id);
          return v ? { ...g, lockedBegin: v.lockedBegin, lockedEnd: v.lockedEnd } : g;
        };
        for (const [id, g] of serverRef.current) if (byId.has(id)) serverRef.current.set(id, withLocks(g));
        commit(fragsRef.current.map(withLocks));
        setNotice({ kind: 'info', message: `${e === 'begin' ? 'Begin' : 'End'} of paragraph ${f.position + 1} ${locked ? 'locked as an anchor' : 'unlocked'}.` });
      } catch (err) {
        error(err);
      }
    });
  };
  const start = () => {
    const f = current();
    if (!f) return;
    flushAllText();
    setProposal(null);
    setBusy(true);
    queue.enqueue(`realign:${f.id}`, async () => {
      try {
        setJob((await editorApi.startRealign(chapterId, f.id)).jobId);
      } catch (err) {
        error(err);
      } finally {
        setBusy(false);
      }
    });
  };
  const discard = () => {
    setJob(null);
    setProposal(null);
  };
  const accept = (includeReviewed: boolean) => {
    const jobId = job;
    const p = proposal;
    if (!jobId || !p) return;
    flushAllText();
    setBusy(true);
    queue.enqueue(`realign-accept:${jobId}`, async () => {
      try {
        const out = await editorApi.acceptRealign(chapterId, jobId, includeReviewed);
        const before = fragsRef.current;
        saved(out.fragments, new Map());
        history.record('accept re-alignment', patchesBetween(before, fragsRef.current, ['begin', 'end', 'sentences']));
        discard();
        setNotice({
          kind: 'info',
          message: `Re-alignment accepted: ${out.fragments.length} paragraph${out.fragments.length === 1 ? '' : 's'} moved${out.kept.length ? `, ${out.kept.length} reviewed kept` : ''}.`,
        });
      } catch (err) {
        failed(err, p.fragments.map((g) => g.id), []);
        if (err instanceof ApiError && err.status === 409) discard();
      } finally {
        setBusy(false);
      }
    });
  };
  return { job, proposal, setProposal, busy, toggleLock, start, discard, accept };
}
