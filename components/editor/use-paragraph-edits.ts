'use client';
// What a reviewer does to the selected paragraph besides moving boundaries: approve/reject, the attention mark,
// text edits, split and merge, revert to a revision, apply a conflicting change again, and reloading everything
// after a sync map import. Each goes through the save queue; undoable ones are recorded (a split, a merge and a
// revert that puts one back as structural steps: useStructuralEdits).
import type { RefObject } from 'react';
import { ATTENTION_FLAG } from '@/lib/review/fragment-view.ts';
import { applyState, patchesBetween, type EditableField } from '@/lib/review/fragment-edits.ts';
import { withEditStatus } from '@/lib/review/edit-status.ts';
import { editorApi } from './editor-api.ts';
import type { Notice } from './editor-notice.tsx';
import type { useFragmentSaves } from './use-fragment-saves.ts';
import type { useUndoHistory } from './use-undo-history.ts';
import type { useStructuralEdits } from './use-structural-edits.ts';

export function useParagraphEdits(opts: {
  chapterId: string;
  saves: ReturnType<typeof useFragmentSaves>;
  history: ReturnType<typeof useUndoHistory>;
  structure: ReturnType<typeof useStructuralEdits>;
  notice: Notice | null;
  setNotice: (notice: Notice | null) => void;
  currentRef: RefObject<string | null>;
  /** Selects another paragraph (after a reload dropped the selected one). */
  setCurrent: (id: string | null) => void;
  /** Each paragraph's last text cursor (a split's text position). */
  caretRef: RefObject<Map<string, number>>;
  /** The play head (a split's time). */
  getTime: () => number;
  onReloaded: () => void;
}) {
  const { chapterId, saves, history, notice, setNotice, currentRef, caretRef } = opts;
  const { structure } = opts;
  const { queue, fragsRef, serverRef, commit, saved, failed, saveFields, saveMoved, refresh, flushText, flushAllText, scheduleText } = saves;
  const current = () => fragsRef.current.find((f) => f.id === currentRef.current);

  const setStatus = (status: 'approved' | 'rejected') => {
    const f = current();
    if (!f || f.status === status) return;
    flushText(f.id);
    const before = fragsRef.current;
    const next = before.map((g) => (g.id === f.id ? { ...g, status } : g));
    commit(next);
    history.record(status === 'approved' ? 'approve' : 'reject', patchesBetween(before, next, ['status']));
    saveFields(f.id, ['status']);
  };

  /** F: marks the paragraph for attention (flag 'attention'), or clears that mark. Not part of undo. */
  const toggleAttention = () => {
    const f = current();
    if (!f) return;
    const flag = f.flag === ATTENTION_FLAG ? null : ATTENTION_FLAG;
    commit(fragsRef.current.map((g) => (g.id === f.id ? { ...g, flag } : g)));
    queue.enqueue(`flag:${f.id}`, async () => {
      const server = serverRef.current.get(f.id);
      if (!server || !fragsRef.current.some((g) => g.id === f.id)) return;
      if ((server.flag === ATTENTION_FLAG) === (flag === ATTENTION_FLAG)) return;
      try {
        saved([await editorApi.updateFragment(f.id, server.version, { flag })], new Map());
      } catch (e) {
        failed(e, [f.id], []);
      }
    });
  };

  const editText = (id: string, text: string) => {
    const before = fragsRef.current;
    const next = withEditStatus(before, before.map((g) => (g.id === id ? { ...g, text } : g)));
    commit(next);
    history.record('edit text', patchesBetween(before, next, ['text', 'status']), `text:${id}`);
    scheduleText(id);
  };

  const structural = (name: string, run: () => Promise<void>) => {
    flushAllText();
    queue.enqueue(`${name}:${Date.now()}`, run);
  };

  const split = () => {
    const f = current();
    if (!f) return;
    const caret = caretRef.current.get(f.id);
    if (caret === undefined) {
      setNotice({ kind: 'info', message: 'Put the text cursor where the paragraph should be split (E, click in the text, Escape), then press S.' });
      return;
    }
    const atTime = opts.getTime();
    structural('split', async () => {
      const server = serverRef.current.get(f.id);
      if (!server) return;
      try {
        const { first, second, revisionId } = await editorApi.split(f.id, server.version, server.begin === null ? null : atTime, caret);
        caretRef.current.delete(f.id);
        structure.record('split', { fragment: first, created: second, removedId: null, revisionId });
        setNotice({ kind: 'info', message: `Paragraph ${first.position + 1} split in two (Ctrl+Z takes it back).` });
      } catch (e) {
        failed(e, [f.id], []);
      }
    });
  };

  const merge = () => {
    const i = fragsRef.current.findIndex((g) => g.id === currentRef.current);
    const f = fragsRef.current[i];
    const n = fragsRef.current[i + 1];
    if (!f || !n) return;
    structural('merge', async () => {
      const a = serverRef.current.get(f.id);
      const b = serverRef.current.get(n.id);
      if (!a || !b) return;
      try {
        const { fragment: merged, revisionId } = await editorApi.merge(a, b);
        structure.record('merge', { fragment: merged, created: null, removedId: n.id, revisionId });
        setNotice({ kind: 'info', message: `Paragraphs ${merged.position + 1} and ${merged.position + 2} merged (Ctrl+Z takes it back).` });
      } catch (e) {
        failed(e, [f.id, n.id], []);
      }
    });
  };

  /** `otherId`: reverting a split, the paragraph it split off (it goes away; its version is checked). */
  const revert = (revisionId: string, side: 'before' | 'after', otherId?: string) => {
    const id = currentRef.current;
    if (!id) return;
    flushAllText();
    queue.enqueue(`revert:${id}`, async () => {
      const server = serverRef.current.get(id);
      if (!server || !fragsRef.current.some((f) => f.id === id)) return;
      try {
        const r = await editorApi.revert(id, revisionId, side, server.version, otherId ? serverRef.current.get(otherId)?.version : undefined);
        if (r.created || r.removedId) {
          structure.record('revert', r);
          return;
        }
        const before = fragsRef.current;
        saved([r.fragment], new Map());
        history.record('revert', patchesBetween(before, fragsRef.current, ['begin', 'end', 'text', 'status', 'sentences']));
      } catch (e) {
        failed(e, [id], []);
      }
    });
  };

  const reapplyMine = () => {
    const mine = notice?.mine;
    setNotice(null);
    if (!mine?.length) return;
    const before = fragsRef.current;
    const byId = new Map(mine.map((m) => [m.id, m.changes]));
    const next = before.map((f) => {
      const c = byId.get(f.id);
      return c ? applyState(f, c) : f;
    });
    commit(next);
    history.record('apply again', patchesBetween(before, next, ['begin', 'end', 'text', 'status', 'sentences']));
    const changed = next.filter((f, j) => f !== before[j]);
    const timesOnly = mine.every((m) => Object.keys(m.changes).every((k) => k === 'begin' || k === 'end'));
    if (timesOnly) saveMoved(changed);
    else for (const m of mine) saveFields(m.id, Object.keys(m.changes) as EditableField[]);
  };

  /** After a sync map import: every paragraph's times (and versions) changed on the server; load them again. */
  const reload = () => {
    flushAllText();
    queue.enqueue('reload', async () => {
      try {
        const fresh = await editorApi.fragments(chapterId);
        serverRef.current = new Map(fresh.map((f) => [f.id, f]));
        commit(fresh);
        if (!fresh.some((f) => f.id === currentRef.current)) opts.setCurrent(fresh[0]?.id ?? null);
        history.clear();
        opts.onReloaded();
        refresh();
        setNotice({ kind: 'info', message: 'Sync map imported: the paragraphs were reloaded.' });
      } catch (e) {
        setNotice({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
      }
    });
  };

  return { setStatus, toggleAttention, editText, split, merge, revert, reapplyMine, reload };
}
