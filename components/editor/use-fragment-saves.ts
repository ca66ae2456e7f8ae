'use client';
// The editor's fragments and how they reach the server: local state (with a ref for event handlers), the
// server's last copy of each fragment, one ordered save queue with optimistic concurrency (expectedVersion),
// conflicts and refusals turned into a notice, and debounced text saves flushed on blur and before leaving.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FragmentView } from '@/lib/review/fragment-view.ts';
import type { FragmentState } from '@/lib/review/undo-stack.ts';
import { diffFields, mergeSaved, type EditableField } from '@/lib/review/fragment-edits.ts';
import { ApiError } from '../api-client.ts';
import { currentFragments, editorApi } from './editor-api.ts';
import type { Notice } from './editor-notice.tsx';
import { SaveQueue } from './save-queue.ts';

const TEXT_DEBOUNCE_MS = 700;

type Mine = Array<{ id: string; changes: Partial<FragmentState> }>;

export function useFragmentSaves(initial: FragmentView[], setNotice: (notice: Notice | null) => void) {
  const [fragments, setFragments] = useState<FragmentView[]>(initial);
  const fragsRef = useRef(fragments);
  const serverRef = useRef(new Map(initial.map((f) => [f.id, f])));
  const [pending, setPending] = useState(0);
  const [drafts, setDrafts] = useState(0);
  /** Bumped after every save: panels that show server data (progress, queue, history) reload. */
  const [refreshKey, setRefreshKey] = useState(0);
  const textTimers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const [queue] = useState(() => new SaveQueue((e) => setNotice({ kind: 'error', message: e instanceof Error ? e.message : String(e) })));
  useEffect(() => queue.subscribe(setPending), [queue]);

  const commit = useCallback((next: FragmentView[]) => {
    fragsRef.current = next;
    setFragments(next);
  }, []);
  const refresh = useCallback(() => setRefreshKey((k) => k + 1), []);

  const saved = useCallback(
    (views: FragmentView[], sent: Map<string, FragmentView>) => {
      for (const v of views) serverRef.current.set(v.id, v);
      const byId = new Map(views.map((v) => [v.id, v]));
      commit(
        fragsRef.current.map((f) => {
          const v = byId.get(f.id);
          return v ? mergeSaved(f, v, sent.get(f.id)) : f;
        }),
      );
      refresh();
    },
    [commit, refresh],
  );

  const failed = useCallback(
    (e: unknown, ids: string[], mine: Mine) => {
      if (e instanceof ApiError && e.status === 409) {
        const now = currentFragments(e);
        for (const v of now) serverRef.current.set(v.id, v);
        const byId = new Map(now.map((v) => [v.id, v]));
        commit(fragsRef.current.map((f) => byId.get(f.id) ?? f));
        const positionOf = (id: string) => (fragsRef.current.find((f) => f.id === id)?.position ?? serverRef.current.get(id)?.position ?? 0) + 1;
        const which = [...new Set(now.map((v) => v.position + 1))].join(' and ') || ids.map(positionOf).join(' and ');
        setNotice({
          kind: 'conflict',
          message: `Paragraph ${which} was changed by someone else meanwhile. It now shows their saved version; your change was not saved.`,
          mine,
        });
        return;
      }
      // refused (invalid) or gone: show the server's state again
      const server = serverRef.current;
      commit(fragsRef.current.map((f) => (ids.includes(f.id) ? (server.get(f.id) ?? f) : f)));
      setNotice({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
    },
    [commit, setNotice],
  );

  const saveFields = useCallback(
    (id: string, fields: readonly EditableField[]) => {
      queue.enqueue(`fragment:${id}:${fields.join(',')}`, async () => {
        const local = fragsRef.current.find((f) => f.id === id);
        const server = serverRef.current.get(id);
        if (!local || !server) return;
        const changes = diffFields(local, server, fields);
        if (Object.keys(changes).length === 0) return;
        try {
          saved([await editorApi.updateFragment(id, server.version, changes)], new Map([[id, local]]));
        } catch (e) {
          failed(e, [id], [{ id, changes }]);
        }
      });
    },
    [queue, saved, failed],
  );

  const saveBoundary = useCallback(
    (leftId: string, rightId: string) => {
      queue.enqueue(`boundary:${leftId}:${rightId}`, async () => {
        const l = fragsRef.current.find((f) => f.id === leftId);
        const r = fragsRef.current.find((f) => f.id === rightId);
        const ls = serverRef.current.get(leftId);
        const rs = serverRef.current.get(rightId);
        if (!l || !r || !ls || !rs || l.end === null) return;
        if (l.end !== r.begin) {
          // no longer one shared boundary: each side on its own
          saveFields(leftId, ['begin', 'end', 'status']);
          saveFields(rightId, ['begin', 'end', 'status']);
          return;
        }
        // a status that differs from the server's goes with the move (an undo gives an 'auto' paragraph back)
        const statuses = { ...(l.status !== ls.status ? { left: l.status } : {}), ...(r.status !== rs.status ? { right: r.status } : {}) };
        if (ls.end === l.end && rs.begin === r.begin && !statuses.left && !statuses.right) return;
        try {
          const out = await editorApi.updateBoundary(ls, rs, l.end, statuses);
          saved([out.left, out.right], new Map([[l.id, l], [r.id, r]]));
        } catch (e) {
          failed(e, [leftId, rightId], [
            { id: leftId, changes: { end: l.end } },
            { id: rightId, changes: { begin: l.end } },
          ]);
        }
      });
    },
    [queue, saved, failed, saveFields],
  );

  /** Saves a change from moveBoundary/nudgeBoundary: one boundary save when a linked pair moved. */
  const saveMoved = useCallback(
    (changed: FragmentView[]) => {
      const [a, b] = [...changed].sort((x, y) => x.position - y.position);
      if (a && b && a.end !== null && a.end === b.begin && b.position === a.position + 1) saveBoundary(a.id, b.id);
      else for (const f of changed) saveFields(f.id, ['begin', 'end', 'status']);
    },
    [saveBoundary, saveFields],
  );

  /** The text of `id` changed locally: saved after a pause in typing (or at once by flushText). */
  const scheduleText = useCallback(
    (id: string) => {
      const old = textTimers.current.get(id);
      if (old !== undefined) clearTimeout(old);
      textTimers.current.set(
        id,
        setTimeout(() => {
          textTimers.current.delete(id);
          setDrafts(textTimers.current.size);
          saveFields(id, ['text', 'status']);
        }, TEXT_DEBOUNCE_MS),
      );
      setDrafts(textTimers.current.size);
    },
    [saveFields],
  );
  const flushText = useCallback(
    (id: string) => {
      const timer = textTimers.current.get(id);
      if (timer === undefined) return;
      clearTimeout(timer);
      textTimers.current.delete(id);
      setDrafts(textTimers.current.size);
      saveFields(id, ['text', 'status']);
    },
    [saveFields],
  );
  const flushAllText = useCallback(() => {
    for (const id of [...textTimers.current.keys()]) flushText(id);
  }, [flushText]);

  // flush pending text and warn about unsaved work on leave
  useEffect(() => {
    const timers = textTimers.current;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (timers.size > 0 || queue.pending > 0) {
        flushAllText();
        e.preventDefault();
      }
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      for (const t of timers.values()) clearTimeout(t);
    };
  }, [queue, flushAllText]);

  return {
    fragments,
    fragsRef,
    serverRef,
    commit,
    queue,
    busy: pending > 0 || drafts > 0,
    refreshKey,
    refresh,
    saved,
    failed,
    saveFields,
    saveMoved,
    saveBoundary,
    scheduleText,
    flushText,
    flushAllText,
  };
}
