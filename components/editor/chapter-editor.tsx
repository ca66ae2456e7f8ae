'use client';
// The chapter review editor: waveform with one region per paragraph (or per sentence, at the sentence level),
// the paragraph list, the current paragraph's text, sentences and history, the review queue. State lives here; the waveform hook only renders it, region maths come
// from lib/review, saves run through one ordered queue with optimistic concurrency (expectedVersion).
import Link from 'next/link';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ReviewChapter } from '@/lib/review/get-review-chapter.ts';
import { ATTENTION_FLAG, type FragmentView } from '@/lib/review/fragment-view.ts';
import { moveBoundary, nudgeBoundary, type BoundaryEdge } from '@/lib/review/region-math.ts';
import { fittedSentences, moveSentenceEdge } from '@/lib/review/move-sentence-edge.ts';
import { parseSentenceRegionId } from '@/lib/review/sentence-region-id.ts';
import { matchShortcut, type EditorAction } from '@/lib/review/editor-shortcuts.ts';
import { planPatchSaves } from '@/lib/review/plan-patch-saves.ts';
import { UndoStack, type FragmentPatch, type FragmentState } from '@/lib/review/undo-stack.ts';
import type { ChapterProgress } from '@/lib/review/review-progress.ts';
import { ChapterSyncMapTools } from '../chapter-syncmap-tools.tsx';
import { Button } from '../ui/button.tsx';
import { ProgressBar } from '../ui/progress-bar.tsx';
import { EditorApiError, editorApi } from './editor-api.ts';
import {
  applyState,
  diffFields,
  fragmentAt,
  mergeSaved,
  patchesBetween,
  toRegions,
  unreviewedOrder,
  type EditableField,
} from '@/lib/review/fragment-edits.ts';
import { movesLockedEdge, proposedBoundaries } from '@/lib/review/moves-locked-edge.ts';
import type { RealignProposal } from '@/lib/review/realign-proposal.ts';
import { RealignPanel } from './realign-panel.tsx';
import { ReviewQueuePanel } from './review-queue-panel.tsx';
import { RevisionPanel } from './revision-panel.tsx';
import { SaveQueue } from './save-queue.ts';
import { ShortcutsOverlay } from './shortcuts-overlay.tsx';
import { SpectrogramView } from './spectrogram-view.tsx';
import { useWaveSurfer, type WaveRegion } from './use-wavesurfer.ts';
import { VirtualList, type VirtualListHandle } from './virtual-list.tsx';
import { LOW_CONFIDENCE, paragraphRegions, regionSpans, sentenceRegions } from './wave-regions.ts';
import { LevelSwitch } from './level-switch.tsx';
import { SentenceList } from './sentence-list.tsx';
import { useEditorLevel } from './use-editor-level.ts';
const STATUS_PILL: Record<string, string> = {
  auto: 'bg-slate-100 text-slate-700',
  edited: 'bg-amber-100 text-amber-800',
  approved: 'bg-emerald-100 text-emerald-800',
  rejected: 'bg-red-100 text-red-800',
};
const ROW_HEIGHT = 64;
const TEXT_DEBOUNCE_MS = 700;
const RATES = [0.5, 0.75, 1, 1.25, 1.5, 2];
/** "Snap to pauses": a dragged edge within this many seconds of a pause centre jumps to it. */
const SNAP_RADIUS_SEC = 0.15;

type Notice = {
  kind: 'conflict' | 'error' | 'info';
  message: string;
  /** What the reviewer tried to save, to apply again on top of the other change. */
  mine?: Array<{ id: string; changes: Partial<FragmentState> }>;
  /** Somewhere to go next (the next chapter with unreviewed paragraphs). */
  link?: { href: string; label: string };
};

type PlayRange = { start: number; end: number; fragmentId: string | null };

function fmt(t: number | null): string {
  return t == null ? '—' : t.toFixed(2);
}

const TEXT_INPUTS = new Set(['text', 'number', 'search', 'email', 'url', 'tel', 'password']);

/** Shortcuts stay off while the reviewer types (text fields, selects); checkboxes and sliders keep them. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return true;
  return target instanceof HTMLInputElement && TEXT_INPUTS.has(target.type);
}

export function ChapterEditor({ chapter }: { chapter: ReviewChapter }) {
  const duration = chapter.durationSec ?? Math.max(0, ...chapter.fragments.map((f) => f.end ?? 0));
  const [fragments, setFragments] = useState<FragmentView[]>(chapter.fragments);
  const fragsRef = useRef(fragments);
  const serverRef = useRef(new Map(chapter.fragments.map((f) => [f.id, f])));
  const [currentId, setCurrentId] = useState<string | null>(chapter.fragments[0]?.id ?? null);
  const currentRef = useRef(currentId);
  const [playingId, setPlayingId] = useState<string | null>(null);
  const playingRef = useRef<string | null>(null);
  const [isPlaying, setIsPlaying] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [pending, setPending] = useState(0);
  const [drafts, setDrafts] = useState(0);
  const [refreshKey, setRefreshKey] = useState(0);
  const [progress, setProgress] = useState<ChapterProgress | null>(null);
  const [loop, setLoop] = useState(false);
  const [autoAdvance, setAutoAdvance] = useState(false);
  const [rate, setRate] = useState(1);
  const [showHelp, setShowHelp] = useState(false);
  const [showSpectrogram, setShowSpectrogram] = useState(false);
  const [undoInfo, setUndoInfo] = useState({ undo: null as string | null, redo: null as string | null });
  const [realignJob, setRealignJob] = useState<string | null>(null);
  const [proposal, setProposal] = useState<RealignProposal | null>(null);
  const [realignBusy, setRealignBusy] = useState(false);
  const [snap, setSnap] = useState(false);
  const [pauseCentres, setPauseCentres] = useState<number[] | null>(null);
  /** What onEdgeDrag/onEdgeDrop snap to: the pause centres while "Snap to pauses" is on and they are loaded. */
  const snapRef = useRef<readonly number[] | null>(null);
  /** Sentence level: the waveform shows one region per sentence; the side panel lists the current paragraph's. */
  const { level, setLevel, toggleLevel } = useEditorLevel();
  const levelRef = useRef(level);
  const [currentSentence, setCurrentSentence] = useState<number | null>(null);
  const [playingSentence, setPlayingSentence] = useState<number | null>(null);
  const playingSentenceRef = useRef<number | null>(null);

  const undoRef = useRef(new UndoStack());
  const undoKey = `alinea:undo:${chapter.id}`;
  const caretRef = useRef(new Map<string, number>());
  const textTimers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const rangeRef = useRef<PlayRange | null>(null);
  const loopRef = useRef(loop);
  const autoAdvanceRef = useRef(autoAdvance);
  const unlinkedRef = useRef(false);
  const lastEdgeRef = useRef<{ id: string; edge: BoundaryEdge } | null>(null);
  const listRef = useRef<VirtualListHandle>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const timeRef = useRef<HTMLSpanElement>(null);
  const waveRef = useRef<HTMLDivElement>(null);
  const minimapRef = useRef<HTMLDivElement>(null);

  const [queue] = useState(() => new SaveQueue((e) => setNotice({ kind: 'error', message: e instanceof Error ? e.message : String(e) })));
  useEffect(() => queue.subscribe(setPending), [queue]);
  useEffect(() => {
    loopRef.current = loop;
    autoAdvanceRef.current = autoAdvance;
    levelRef.current = level;
  }, [loop, autoAdvance, level]);

  // snap to pauses: fetch the pauses once, the first time it is switched on
  useEffect(() => {
    snapRef.current = snap && pauseCentres ? pauseCentres : null;
  }, [snap, pauseCentres]);
  useEffect(() => {
    if (!snap || pauseCentres) return;
    const ac = new AbortController();
    editorApi
      .pauses(chapter.audioFileId, ac.signal)
      .then((pauses) => setPauseCentres(pauses.map((p) => (p.begin + p.end) / 2)))
      .catch((e: unknown) => {
        if (ac.signal.aborted) return;
        setSnap(false);
        setNotice({ kind: 'error', message: `Could not load the pauses: ${e instanceof Error ? e.message : String(e)}` });
      });
    return () => ac.abort();
  }, [snap, pauseCentres, chapter.audioFileId]);
  const dragOptions = () => ({
    duration,
    linked: !unlinkedRef.current,
    ...(snapRef.current ? { snapTo: snapRef.current, snapRadius: SNAP_RADIUS_SEC } : {}),
  });

  const commit = useCallback((next: FragmentView[]) => {
    fragsRef.current = next;
    setFragments(next);
  }, []);

  const indexOf = (id: string | null) => (id ? fragsRef.current.findIndex((f) => f.id === id) : -1);
  const positionOf = (id: string) => (fragsRef.current.find((f) => f.id === id)?.position ?? serverRef.current.get(id)?.position ?? 0) + 1;

  // ---- undo stack, kept in sessionStorage per chapter so it survives a reload
  const syncUndo = useCallback(() => {
    const stack = undoRef.current;
    setUndoInfo({ undo: stack.undoLabel, redo: stack.redoLabel });
    try {
      sessionStorage.setItem(undoKey, JSON.stringify(stack.toJSON()));
    } catch {
      /* storage full or disabled: undo still works for this page */
    }
  }, [undoKey]);
  useEffect(() => {
    undoRef.current = UndoStack.fromJSON(sessionStorage.getItem(undoKey));
    setUndoInfo({ undo: undoRef.current.undoLabel, redo: undoRef.current.redoLabel });
  }, [undoKey]);
  const record = useCallback(
    (label: string, patches: FragmentPatch[], coalesceKey?: string) => {
      undoRef.current.push(label, patches, coalesceKey === undefined ? {} : { coalesceKey });
      syncUndo();
    },
    [syncUndo],
  );

  // ---- saving
  const saved = useCallback(
    (views: FragmentView[], sent: Map<string, FragmentView>) => {
      for (const v of views) serverRef.current.set(v.id, v);
      const byId = new Map(views.map((v) => [v.id, v]));
      commit(fragsRef.current.map((f) => {
        const v = byId.get(f.id);
        return v ? mergeSaved(f, v, sent.get(f.id)) : f;
      }));
      setRefreshKey((k) => k + 1);
    },
    [commit],
  );

  const failed = useCallback(
    (e: unknown, ids: string[], mine: Array<{ id: string; changes: Partial<FragmentState> }>) => {
      if (e instanceof EditorApiError && e.status === 409) {
        const now = e.currentFragments;
        for (const v of now) serverRef.current.set(v.id, v);
        const byId = new Map(now.map((v) => [v.id, v]));
        commit(fragsRef.current.map((f) => byId.get(f.id) ?? f));
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
    [commit],
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
          saveFields(leftId, ['begin', 'end']);
          saveFields(rightId, ['begin', 'end']);
          return;
        }
        if (ls.end === l.end && rs.begin === r.begin) return;
        try {
          const out = await editorApi.updateBoundary(ls, rs, l.end);
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
      else for (const f of changed) saveFields(f.id, ['begin', 'end']);
    },
    [saveBoundary, saveFields],
  );

  const flushText = useCallback(
    (id: string) => {
      const timer = textTimers.current.get(id);
      if (timer === undefined) return;
      clearTimeout(timer);
      textTimers.current.delete(id);
      setDrafts(textTimers.current.size);
      saveFields(id, ['text']);
    },
    [saveFields],
  );
  const flushAllText = useCallback(() => {
    for (const id of [...textTimers.current.keys()]) flushText(id);
  }, [flushText]);

  // progress bar: reviewed seconds / total, refreshed after saves
  useEffect(() => {
    const ac = new AbortController();
    const timer = setTimeout(() => {
      editorApi
        .progress(chapter.id, ac.signal)
        .then((p) => {
          if (!ac.signal.aborted) setProgress(p);
        })
        .catch(() => undefined);
    }, 500);
    return () => {
      clearTimeout(timer);
      ac.abort();
    };
  }, [chapter.id, refreshKey]);

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

  // ---- waveform
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
    const moved = moveBoundary(toRegions(before), index, edge, time, dragOptions());
    const next = before.map((f, j) => {
      const r = moved[j];
      return r && (r.begin !== f.begin || r.end !== f.end) ? { ...f, begin: r.begin, end: r.end } : f;
    });
    return { index, sentence: null, kind: 'paragraph' as const, next };
  };
  const regions = useMemo<WaveRegion[]>(
    () => (level === 'sentence' ? sentenceRegions(fragments, { id: currentId, sentence: currentSentence }) : paragraphRegions(fragments, currentId)),
    [fragments, currentId, currentSentence, level],
  );
  const ghosts = useMemo(() => (proposal ? proposedBoundaries(proposal.fragments) : []), [proposal]);

  const select = (id: string, opts: { seek?: boolean; sentence?: number } = {}) => {
    const i = indexOf(id);
    const f = fragsRef.current[i];
    if (!f) return;
    if (opts.sentence !== undefined || id !== currentRef.current) setCurrentSentence(opts.sentence ?? null);
    currentRef.current = id;
    setCurrentId(id);
    listRef.current?.scrollToIndex(i);
    if (opts.seek && f.begin !== null) {
      wave.setTime(f.begin);
      wave.reveal(f.begin);
    }
  };

  const wave = useWaveSurfer({
    containerRef: waveRef,
    minimapRef,
    audioFileId: chapter.audioFileId,
    duration,
    regions,
    ghosts,
    handlers: {
      onEdgeDrag(id, edge, time) {
        const d = dragged(id, edge, time);
        if (!d) return [];
        return regionSpans(d.next.slice(Math.max(0, d.index - 1), d.index + 2), levelRef.current);
      },
      onEdgeDrop(id, edge, time) {
        const d = dragged(id, edge, time);
        if (!d) return;
        const before = fragsRef.current;
        const { next, kind } = d;
        const f = before[d.index]!;
        const changed = next.filter((g, j) => g !== before[j]);
        if (kind === 'paragraph') lastEdgeRef.current = { id: f.id, edge };
        select(f.id, d.sentence === null ? {} : { sentence: d.sentence });
        const locked = kind === 'paragraph' ? movesLockedEdge(before, next) : null;
        if (locked) {
          setNotice({ kind: 'info', message: `Paragraph ${locked.position + 1} has a locked anchor there; unlock it (Ctrl+L) to move it.` });
          commit([...before]);
          return;
        }
        if (changed.length === 0) {
          commit([...before]); // puts the dragged region back where the data says
          return;
        }
        commit(next);
        if (kind === 'sentence') {
          record('move sentence boundary', patchesBetween(before, next, ['sentences']));
          saveFields(f.id, ['sentences']);
          return;
        }
        record('move boundary', patchesBetween(before, next, ['begin', 'end']));
        saveMoved(changed);
      },
      onRegionClick(id) {
        const s = parseSentenceRegionId(id);
        if (s) select(s.fragmentId, { sentence: s.sentence });
        else select(id);
      },
      onTime(t) {
        if (timeRef.current) timeRef.current.textContent = t.toFixed(2);
        const i = fragmentAt(fragsRef.current, t);
        const id = i >= 0 ? (fragsRef.current[i]?.id ?? null) : null;
        if (id !== playingRef.current) {
          playingRef.current = id;
          setPlayingId(id);
          if (id && i >= 0) listRef.current?.scrollToIndex(i);
        }
        if (levelRef.current === 'sentence') {
          const f = i >= 0 ? fragsRef.current[i] : undefined;
          const k = f ? fittedSentences(f).findIndex((x) => t >= x.begin && t < x.end) : -1;
          const playing = k >= 0 ? k : null;
          if (playing !== playingSentenceRef.current) {
            playingSentenceRef.current = playing;
            setPlayingSentence(playing);
          }
        }
        const range = rangeRef.current;
        if (range && t >= range.end) {
          if (loopRef.current) {
            wave.setTime(range.start);
          } else if (autoAdvanceRef.current && range.fragmentId) {
            const k = indexOf(range.fragmentId);
            const nextFrag = fragsRef.current[k + 1];
            if (nextFrag && nextFrag.begin !== null && nextFrag.end !== null) {
              rangeRef.current = { start: nextFrag.begin, end: nextFrag.end, fragmentId: nextFrag.id };
              select(nextFrag.id);
              if (Math.abs(nextFrag.begin - t) > 0.05) wave.setTime(nextFrag.begin);
            } else {
              rangeRef.current = null;
              wave.pause();
            }
          } else {
            rangeRef.current = null;
            wave.pause();
          }
        }
      },
      onPlayingChange(playing) {
        setIsPlaying(playing);
        if (!playing && !loopRef.current) rangeRef.current = null;
      },
    },
  });

  // ---- actions
  const current = fragments.find((f) => f.id === currentId) ?? null;

  const playRange = (range: PlayRange) => {
    rangeRef.current = range;
    wave.setTime(range.start);
    wave.play();
  };
  const playFragment = () => {
    const f = fragsRef.current[indexOf(currentRef.current)];
    if (f && f.begin !== null && f.end !== null) playRange({ start: f.begin, end: f.end, fragmentId: f.id });
  };
  const auditionBoundary = () => {
    const f = fragsRef.current[indexOf(currentRef.current)];
    if (!f) return;
    const last = lastEdgeRef.current;
    const t = last && last.id === f.id ? f[last.edge] : f.end;
    if (t === null) return;
    playRange({ start: Math.max(0, t - 1), end: Math.min(duration, t + 1), fragmentId: null });
  };
  const togglePlay = () => {
    if (wave.isPlaying()) wave.pause();
    else {
      rangeRef.current = null;
      wave.play();
    }
  };

  const nudge = (edge: BoundaryEdge, delta: number) => {
    const i = indexOf(currentRef.current);
    const f = fragsRef.current[i];
    if (!f || f.begin === null) return;
    const before = fragsRef.current;
    const moved = nudgeBoundary(toRegions(before), i, edge, delta, { duration, linked: true });
    const next = before.map((g, j) => {
      const r = moved[j];
      return r && (r.begin !== g.begin || r.end !== g.end) ? { ...g, begin: r.begin, end: r.end } : g;
    });
    const changed = next.filter((g, j) => g !== before[j]);
    if (changed.length === 0) return;
    const locked = movesLockedEdge(before, next);
    if (locked) {
      setNotice({ kind: 'info', message: `Paragraph ${locked.position + 1} has a locked anchor there; unlock it (Ctrl+L) to move it.` });
      return;
    }
    lastEdgeRef.current = { id: f.id, edge };
    commit(next);
    record(`nudge ${edge}`, patchesBetween(before, next, ['begin', 'end']), `nudge:${f.id}:${edge}`);
    saveMoved(changed);
  };

  const setStatus = (status: 'approved' | 'rejected') => {
    const f = fragsRef.current[indexOf(currentRef.current)];
    if (!f) return;
    if (f.status === status) return;
    flushText(f.id);
    const before = fragsRef.current;
    const next = before.map((g) => (g.id === f.id ? { ...g, status } : g));
    commit(next);
    record(status === 'approved' ? 'approve' : 'reject', patchesBetween(before, next, ['status']));
    saveFields(f.id, ['status']);
  };

  /** F: marks the paragraph for attention (flag 'attention'), or clears that mark. Not part of undo. */
  const toggleAttention = () => {
    const f = fragsRef.current[indexOf(currentRef.current)];
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

  /** After a sync map import: every paragraph's times (and versions) changed on the server; load them again. */
  const reloadFragments = () => {
    flushAllText();
    queue.enqueue('reload', async () => {
      try {
        const fresh = await editorApi.fragments(chapter.id);
        serverRef.current = new Map(fresh.map((f) => [f.id, f]));
        commit(fresh);
        if (!fresh.some((f) => f.id === currentRef.current)) {
          const id = fresh[0]?.id ?? null;
          currentRef.current = id;
          setCurrentId(id);
        }
        undoRef.current.clear();
        syncUndo();
        discardRealign();
        setRefreshKey((k) => k + 1);
        setNotice({ kind: 'info', message: 'Sync map imported: the paragraphs were reloaded.' });
      } catch (e) {
        setNotice({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
      }
    });
  };

  const editText = (id: string, text: string) => {
    const before = fragsRef.current;
    const next = before.map((g) => (g.id === id ? { ...g, text } : g));
    commit(next);
    record('edit text', patchesBetween(before, next, ['text']), `text:${id}`);
    const old = textTimers.current.get(id);
    if (old !== undefined) clearTimeout(old);
    textTimers.current.set(
      id,
      setTimeout(() => {
        textTimers.current.delete(id);
        setDrafts(textTimers.current.size);
        saveFields(id, ['text']);
      }, TEXT_DEBOUNCE_MS),
    );
    setDrafts(textTimers.current.size);
  };

  const applyStep = (patches: FragmentPatch[]) => {
    const byId = new Map(patches.map((p) => [p.fragmentId, p.after]));
    commit(fragsRef.current.map((f) => {
      const s = byId.get(f.id);
      return s ? applyState(f, s) : f;
    }));
    for (const s of planPatchSaves(patches)) {
      if (s.kind === 'boundary') saveBoundary(s.leftId, s.rightId);
      else if (fragsRef.current.some((f) => f.id === s.fragmentId)) saveFields(s.fragmentId, Object.keys(s.changes) as EditableField[]);
    }
  };
  const undo = () => {
    flushAllText();
    const step = undoRef.current.undo();
    syncUndo();
    if (step) applyStep(step.patches);
  };
  const redo = () => {
    flushAllText();
    const step = undoRef.current.redo();
    syncUndo();
    if (step) applyStep(step.patches);
  };

  const structural = (run: () => Promise<void>) => {
    flushAllText();
    queue.enqueue(`structural:${Date.now()}`, run);
  };

  const split = () => {
    const f = fragsRef.current[indexOf(currentRef.current)];
    if (!f) return;
    const caret = caretRef.current.get(f.id);
    if (caret === undefined) {
      setNotice({ kind: 'info', message: 'Put the text cursor where the paragraph should be split (E, click in the text, Escape), then press S.' });
      return;
    }
    const atTime = wave.getTime();
    structural(async () => {
      const server = serverRef.current.get(f.id);
      if (!server) return;
      try {
        const { first, second } = await editorApi.split(f.id, server.version, server.begin === null ? null : atTime, caret);
        serverRef.current.set(first.id, first);
        serverRef.current.set(second.id, second);
        const out: FragmentView[] = [];
        for (const g of fragsRef.current) {
          if (g.id === first.id) out.push(first, second);
          else out.push(g.position > first.position ? { ...g, position: g.position + 1 } : g);
        }
        for (const g of out) if (g.id !== second.id && g.id !== first.id) serverRef.current.set(g.id, { ...(serverRef.current.get(g.id) ?? g), position: g.position });
        commit(out);
        caretRef.current.delete(f.id);
        undoRef.current.clear();
        syncUndo();
        setRefreshKey((k) => k + 1);
        setNotice({ kind: 'info', message: `Paragraph ${first.position + 1} split in two.` });
      } catch (e) {
        failed(e, [f.id], []);
      }
    });
  };

  const merge = () => {
    const i = indexOf(currentRef.current);
    const f = fragsRef.current[i];
    const n = fragsRef.current[i + 1];
    if (!f || !n) return;
    structural(async () => {
      const a = serverRef.current.get(f.id);
      const b = serverRef.current.get(n.id);
      if (!a || !b) return;
      try {
        const merged = await editorApi.merge(a, b);
        serverRef.current.set(merged.id, merged);
        serverRef.current.delete(n.id);
        const out = fragsRef.current
          .filter((g) => g.id !== n.id)
          .map((g) => (g.id === merged.id ? merged : g.position > merged.position ? { ...g, position: g.position - 1 } : g));
        for (const g of out) if (g.id !== merged.id) serverRef.current.set(g.id, { ...(serverRef.current.get(g.id) ?? g), position: g.position });
        commit(out);
        undoRef.current.clear();
        syncUndo();
        setRefreshKey((k) => k + 1);
        setNotice({ kind: 'info', message: `Paragraphs ${merged.position + 1} and ${merged.position + 2} merged.` });
      } catch (e) {
        failed(e, [f.id, n.id], []);
      }
    });
  };

  const revert = (revisionId: string, side: 'before' | 'after') => {
    const id = currentRef.current;
    if (!id) return;
    flushText(id);
    queue.enqueue(`revert:${id}`, async () => {
      const server = serverRef.current.get(id);
      const local = fragsRef.current.find((f) => f.id === id);
      if (!server || !local) return;
      try {
        const v = await editorApi.revert(id, revisionId, side, server.version);
        const before = fragsRef.current;
        saved([v], new Map());
        record('revert', patchesBetween(before, fragsRef.current, ['begin', 'end', 'text', 'status', 'sentences']));
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
    record('apply again', patchesBetween(before, next, ['begin', 'end', 'text', 'status', 'sentences']));
    const changed = next.filter((f, j) => f !== before[j]);
    const timesOnly = mine.every((m) => Object.keys(m.changes).every((k) => k === 'begin' || k === 'end'));
    if (timesOnly) saveMoved(changed);
    else for (const m of mine) saveFields(m.id, Object.keys(m.changes) as EditableField[]);
  };

  // ---- anchors and re-alignment between them
  /** The boundary B auditions and Ctrl+L locks: the edge last moved on this paragraph, else its end. */
  const currentEdge = (): { f: FragmentView; edge: BoundaryEdge } | null => {
    const f = fragsRef.current[indexOf(currentRef.current)];
    if (!f) return null;
    const last = lastEdgeRef.current;
    return { f, edge: last && last.id === f.id ? last.edge : 'end' };
  };
  const toggleLock = (edge?: BoundaryEdge) => {
    const cur = currentEdge();
    if (!cur) return;
    const { f } = cur;
    const e = edge ?? cur.edge;
    const locked = !(e === 'begin' ? f.lockedBegin : f.lockedEnd);
    // after pending saves, so the anchor is where the reviewer sees it
    queue.enqueue(`lock:${f.id}:${e}`, async () => {
      try {
        const views = await editorApi.setAnchor(chapter.id, f.id, e, locked);
        const byId = new Map(views.map((v) => [v.id, v]));
        const withLocks = (g: FragmentView) => {
          const v = byId.get(g.id);
          return v ? { ...g, lockedBegin: v.lockedBegin, lockedEnd: v.lockedEnd } : g;
        };
        for (const [id, g] of serverRef.current) if (byId.has(id)) serverRef.current.set(id, withLocks(g));
        commit(fragsRef.current.map(withLocks));
        setNotice({ kind: 'info', message: `${e === 'begin' ? 'Begin' : 'End'} of paragraph ${f.position + 1} ${locked ? 'locked as an anchor' : 'unlocked'}.` });
      } catch (err) {
        setNotice({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
      }
    });
  };
  const startRealign = () => {
    const f = fragsRef.current[indexOf(currentRef.current)];
    if (!f) return;
    flushAllText();
    setProposal(null);
    setRealignBusy(true);
    queue.enqueue(`realign:${f.id}`, async () => {
      try {
        const { jobId } = await editorApi.startRealign(chapter.id, f.id);
        setRealignJob(jobId);
      } catch (err) {
        setNotice({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
      } finally {
        setRealignBusy(false);
      }
    });
  };
  const discardRealign = () => {
    setRealignJob(null);
    setProposal(null);
  };
  const acceptRealign = (includeReviewed: boolean) => {
    const jobId = realignJob;
    const p = proposal;
    if (!jobId || !p) return;
    flushAllText();
    setRealignBusy(true);
    queue.enqueue(`realign-accept:${jobId}`, async () => {
      try {
        const out = await editorApi.acceptRealign(chapter.id, jobId, includeReviewed);
        const before = fragsRef.current;
        saved(out.fragments, new Map());
        record('accept re-alignment', patchesBetween(before, fragsRef.current, ['begin', 'end']));
        discardRealign();
        setNotice({
          kind: 'info',
          message: `Re-alignment accepted: ${out.fragments.length} paragraph${out.fragments.length === 1 ? '' : 's'} moved${out.kept.length ? `, ${out.kept.length} reviewed kept` : ''}.`,
        });
      } catch (err) {
        failed(err, p.fragments.map((g) => g.id), []);
        if (err instanceof EditorApiError && err.status === 409) discardRealign();
      } finally {
        setRealignBusy(false);
      }
    });
  };

  const step = (delta: number) => {
    const i = indexOf(currentRef.current);
    const f = fragsRef.current[Math.min(fragsRef.current.length - 1, Math.max(0, i + delta))];
    if (f) select(f.id, { seek: true });
  };
  const nextUnreviewed = () => {
    const order = unreviewedOrder(fragsRef.current);
    if (order.length === 0) {
      setNotice({ kind: 'info', message: 'Every paragraph of this chapter is reviewed. Looking for the next chapter…' });
      editorApi
        .bookProgress(chapter.bookId)
        .then((p) => {
          const open = (c: (typeof p.chapters)[number]) => c.chapterId !== chapter.id && c.fragments.auto + c.fragments.edited > 0;
          const next = p.chapters.find((c) => c.position > chapter.position && open(c)) ?? p.chapters.find(open);
          setNotice(
            next
              ? {
                  kind: 'info',
                  message: 'Every paragraph of this chapter is reviewed.',
                  link: { href: `/chapters/${next.chapterId}/review`, label: `Next: ${next.title ?? `chapter ${next.position + 1}`} (${next.fragments.auto + next.fragments.edited} to review)` },
                }
              : { kind: 'info', message: 'Every paragraph of this book is reviewed.' },
          );
        })
        .catch((e: unknown) => setNotice({ kind: 'error', message: e instanceof Error ? e.message : String(e) }));
      return;
    }
    const k = order.findIndex((f) => f.id === currentRef.current);
    const f = order[(k + 1) % order.length];
    if (f) select(f.id, { seek: true });
  };
  const focusText = () => {
    requestAnimationFrame(() => textRef.current?.focus());
  };
  const zoomBy = (factor: number) => wave.zoomTo(wave.pxPerSec * factor);

  // ---- keyboard: one listener, reading the latest handlers through a ref
  const keyHandler = useRef<(e: KeyboardEvent) => void>(() => undefined);
  useEffect(() => {
    keyHandler.current = (e: KeyboardEvent) => {
      unlinkedRef.current = e.altKey || e.shiftKey;
      if (showHelp) return;
      if (isTyping(e.target)) return; // the text field handles Enter and Escape itself
      const hit = matchShortcut(e);
      if (!hit) return;
      const actions: Record<EditorAction, () => void> = {
        togglePlay,
        playFragment,
        auditionBoundary,
        toggleLoop: () => setLoop((v) => !v),
        previous: () => step(-1),
        next: () => step(1),
        nextUnreviewed,
        nudgeBegin: () => nudge('begin', hit.amount ?? 0.01),
        nudgeEnd: () => nudge('end', hit.amount ?? 0.01),
        toggleLock: () => toggleLock(),
        approve: () => setStatus('approved'),
        reject: () => setStatus('rejected'),
        toggleAttention,
        editText: focusText,
        split,
        merge,
        toggleLevel,
        undo,
        redo,
        zoomIn: () => zoomBy(1.5),
        zoomOut: () => zoomBy(1 / 1.5),
        help: () => setShowHelp(true),
      };
      e.preventDefault();
      actions[hit.action]();
    };
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => keyHandler.current(e);
    const onModifiers = (e: KeyboardEvent | PointerEvent) => {
      unlinkedRef.current = e.altKey || e.shiftKey;
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('keyup', onModifiers);
    window.addEventListener('pointerdown', onModifiers, true);
    window.addEventListener('pointermove', onModifiers, true);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('keyup', onModifiers);
      window.removeEventListener('pointerdown', onModifiers, true);
      window.removeEventListener('pointermove', onModifiers, true);
    };
  }, []);

  // ?fragment=<id> (links from the review queues): select it at once, seek to it once the waveform is ready
  const deepLinkRef = useRef<string | null>(null);
  useEffect(() => {
    const id = new URLSearchParams(window.location.search).get('fragment');
    if (!id || !fragsRef.current.some((f) => f.id === id)) return;
    deepLinkRef.current = id;
    currentRef.current = id;
    setCurrentId(id);
    requestAnimationFrame(() => listRef.current?.scrollToIndex(indexOf(id)));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => {
    const id = deepLinkRef.current;
    if (!wave.ready || !id) return;
    deepLinkRef.current = null;
    const f = fragsRef.current.find((g) => g.id === id);
    if (f && f.begin !== null) {
      wave.setTime(f.begin);
      wave.reveal(f.begin);
    }
  }, [wave, wave.ready]);

  // a User Timing mark when the editor becomes interactive (bench/editor-perf.ts reads it)
  useEffect(() => {
    if (wave.regionsReady && performance.getEntriesByName('alinea:editor-ready').length === 0) performance.mark('alinea:editor-ready');
  }, [wave.regionsReady]);

  const { setRate: setWaveRate, ready: waveReady } = wave;
  useEffect(() => {
    if (waveReady) setWaveRate(rate);
  }, [rate, setWaveRate, waveReady]);

  const saveState = notice?.kind === 'conflict' ? 'Conflict' : pending > 0 || drafts > 0 ? 'Saving…' : 'Saved';
  const zoomLog = Math.log(Math.max(wave.pxPerSec, 0.01));

  return (
    <div className="space-y-3" data-testid="chapter-editor" data-editor-ready={wave.regionsReady ? 'true' : 'false'}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <Link href={`/chapters/${chapter.id}`} className="text-sm text-slate-500 hover:underline">
            {chapter.bookTitle} · chapter {chapter.position + 1}
          </Link>
          <h1 className="text-2xl font-semibold">Review: {chapter.title ?? `Chapter ${chapter.position + 1}`}</h1>
          <p className="text-sm text-slate-600">
            {fragments.length} paragraphs
            {level === 'sentence' && <> · {fragments.reduce((n, f) => n + (f.sentences?.length ?? 0), 0)} sentences</>} · {duration.toFixed(1)} s
            {chapter.headSec != null && chapter.tailSec != null && (
              <> · text spans {chapter.headSec.toFixed(2)}–{chapter.tailSec.toFixed(2)} s</>
            )}
          </p>
        </div>
        <div className="flex min-w-64 flex-col items-end gap-1">
          <span
            role="status"
            aria-live="polite"
            data-testid="save-status"
            className={`rounded px-2 py-0.5 text-xs font-medium ${
              saveState === 'Conflict' ? 'bg-red-100 text-red-800' : saveState === 'Saved' ? 'bg-emerald-100 text-emerald-800' : 'bg-amber-100 text-amber-800'
            }`}
          >
            {saveState}
          </span>
          {progress && (
            <div className="w-64 text-xs text-slate-600">
              <ProgressBar value={progress.reviewedRatio} label="Reviewed audio" tone="green" />
              reviewed {progress.reviewedSec.toFixed(1)} s of {progress.totalSec.toFixed(1)} s ({Math.round(progress.reviewedRatio * 100)} %)
            </div>
          )}
        </div>
      </div>

      {notice && (
        <div
          role={notice.kind === 'info' ? 'status' : 'alert'}
          className={`flex flex-wrap items-center justify-between gap-2 rounded border px-3 py-2 text-sm ${
            notice.kind === 'info' ? 'border-sky-200 bg-sky-50 text-sky-900' : 'border-red-200 bg-red-50 text-red-900'
          }`}
        >
          <span>{notice.message}</span>
          <span className="flex gap-2">
            {notice.link && (
              <Link href={notice.link.href} className="rounded bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700">
                {notice.link.label}
              </Link>
            )}
            {notice.mine && notice.mine.length > 0 && (
              <Button variant="secondary" onClick={reapplyMine}>
                Apply my change again
              </Button>
            )}
            <Button variant="ghost" onClick={() => setNotice(null)}>
              Dismiss
            </Button>
          </span>
        </div>
      )}

      <section aria-label="Waveform" className="rounded border border-slate-200 bg-white p-2">
        <div className="mb-2 flex flex-wrap items-center gap-2 text-sm">
          <LevelSwitch level={level} onChange={setLevel} />
          <Button variant="secondary" onClick={togglePlay} aria-label={isPlaying ? 'Pause' : 'Play'}>
            {isPlaying ? 'Pause' : 'Play'}
          </Button>
          <Button variant="secondary" onClick={playFragment}>
            Play paragraph
          </Button>
          <Button variant="secondary" onClick={auditionBoundary}>
            Audition boundary
          </Button>
          <label className="flex items-center gap-1">
            <input type="checkbox" checked={loop} onChange={(e) => setLoop(e.target.checked)} /> Loop
          </label>
          <label className="flex items-center gap-1">
            <input type="checkbox" checked={autoAdvance} onChange={(e) => setAutoAdvance(e.target.checked)} /> Auto-advance
          </label>
          <label className="flex items-center gap-1">
            Speed
            <select className="rounded border border-slate-300 px-1" value={rate} onChange={(e) => setRate(Number(e.target.value))} aria-label="Playback speed">
              {RATES.map((r) => (
                <option key={r} value={r}>
                  {r}×
                </option>
              ))}
            </select>
          </label>
          <label className="flex items-center gap-1">
            Zoom
            <input
              type="range"
              aria-label="Zoom"
              min={Math.log(Math.max(wave.minPxPerSec, 0.01))}
              max={Math.log(wave.maxPxPerSec)}
              step={0.01}
              value={zoomLog}
              onChange={(e) => wave.zoomTo(Math.exp(Number(e.target.value)))}
              disabled={!wave.ready}
            />
            <span className="w-20 text-xs tabular-nums text-slate-500">{(1000 / wave.pxPerSec).toFixed(wave.pxPerSec > 100 ? 1 : 0)} ms/px</span>
          </label>
          <label className="flex items-center gap-1" title="Dragged edges jump to the centre of a pause within 0.15 s">
            <input type="checkbox" checked={snap} onChange={(e) => setSnap(e.target.checked)} /> Snap to pauses
            {snap && !pauseCentres && <span className="text-xs text-slate-500">(loading…)</span>}
          </label>
          <label className="flex items-center gap-1">
            <input type="checkbox" checked={showSpectrogram} onChange={(e) => setShowSpectrogram(e.target.checked)} /> Spectrogram
          </label>
          <span className="ml-auto text-xs tabular-nums text-slate-500">
            <span ref={timeRef}>0.00</span> s
          </span>
          <Button variant="ghost" onClick={undo} disabled={!undoInfo.undo} aria-label={undoInfo.undo ? `Undo ${undoInfo.undo}` : 'Undo'}>
            Undo
          </Button>
          <Button variant="ghost" onClick={redo} disabled={!undoInfo.redo} aria-label={undoInfo.redo ? `Redo ${undoInfo.redo}` : 'Redo'}>
            Redo
          </Button>
          <Button variant="ghost" onClick={() => setShowHelp(true)} aria-label="Keyboard shortcuts">
            ?
          </Button>
        </div>
        {wave.error && <p role="alert" className="text-sm text-red-700">{wave.error}</p>}
        {showSpectrogram && <SpectrogramView audioFileId={chapter.audioFileId} start={wave.visible.start} end={wave.visible.end} />}
        <div ref={waveRef} data-testid="waveform" className="min-h-[140px]" />
        <div ref={minimapRef} className="mt-1" data-testid="minimap" />
        {!wave.ready && !wave.error && <p className="text-xs text-slate-500">Loading the waveform…</p>}
      </section>

      <div className="grid gap-3 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <VirtualList
          ref={listRef}
          label="Paragraphs"
          count={fragments.length}
          rowHeight={ROW_HEIGHT}
          className="h-[32rem] rounded border border-slate-200 bg-white"
          renderRow={(i) => {
            const f = fragments[i]!;
            const selected = f.id === currentId;
            return (
              <div
                role="option"
                aria-selected={selected}
                data-testid="editor-row"
                onClick={() => select(f.id, { seek: true })}
                onDoubleClick={() => {
                  select(f.id, { seek: true });
                  playFragment();
                }}
                className={`flex h-full cursor-pointer gap-2 border-b border-l-4 border-b-slate-100 px-2 py-1 text-sm ${
                  selected ? 'border-l-indigo-600 bg-indigo-50' : f.id === playingId ? 'border-l-sky-400 bg-sky-50' : 'border-l-transparent hover:bg-slate-50'
                }`}
              >
                <span className="w-8 shrink-0 text-slate-500">
                  {f.position + 1}
                  {(f.lockedBegin || f.lockedEnd) && (
                    <span className="block text-[10px] text-amber-700" title={`Anchor: ${[f.lockedBegin && 'begin', f.lockedEnd && 'end'].filter(Boolean).join(' and ')} locked`}>
                      {f.lockedBegin ? '⚓' : '·'}
                      {f.lockedEnd ? '⚓' : '·'}
                    </span>
                  )}
                </span>
                <div className="min-w-0 flex-1">
                  <div className="truncate">{f.text}</div>
                  <div className="truncate text-xs text-slate-500">{f.normText}</div>
                </div>
                <div className="flex w-36 shrink-0 flex-col items-end text-xs">
                  <span className="tabular-nums text-slate-600">
                    {fmt(f.begin)}–{fmt(f.end)}
                  </span>
                  <span className="flex gap-1">
                    {f.flag && <span className="rounded bg-red-50 px-1 text-red-700" title="Flag">{f.flag}</span>}
                    <span className={`rounded px-1 ${STATUS_PILL[f.status] ?? ''}`}>{f.status}</span>
                    <span className={f.confidence !== null && f.confidence < LOW_CONFIDENCE ? 'font-medium text-red-700' : 'text-slate-600'}>
                      {f.confidence == null ? '—' : `${Math.round(f.confidence * 100)} %`}
                    </span>
                  </span>
                </div>
              </div>
            );
          }}
        />

        <div className="min-w-0 space-y-3">
          {current ? (
            <section aria-label="Current paragraph" className="rounded border border-slate-200 bg-white p-3">
              <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
                <h2 className="text-sm font-semibold">Paragraph {current.position + 1}</h2>
                <span className="text-xs tabular-nums text-slate-600" data-testid="current-times">
                  {current.begin?.toFixed(3)}–{current.end?.toFixed(3)} s
                </span>
                <span className={`rounded px-1.5 text-xs ${STATUS_PILL[current.status] ?? ''}`} data-testid="current-status">
                  {current.status}
                </span>
                <span className="text-xs text-slate-600">
                  confidence {current.confidence == null ? '—' : `${Math.round(current.confidence * 100)} %`}
                  {current.flag && <span className="ml-1 text-red-700">· {current.flag}</span>}
                </span>
              </div>
              <label className="block text-xs font-medium text-slate-600" htmlFor="fragment-text">
                Paragraph text
              </label>
              <textarea
                id="fragment-text"
                ref={textRef}
                rows={4}
                className="mt-1 w-full rounded border border-slate-300 p-2 text-sm"
                value={current.text}
                onChange={(e) => editText(current.id, e.target.value)}
                onSelect={(e) => caretRef.current.set(current.id, e.currentTarget.selectionStart)}
                onBlur={() => flushText(current.id)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && !e.shiftKey) {
                    e.preventDefault();
                    flushText(current.id);
                    e.currentTarget.blur();
                  } else if (e.key === 'Escape') {
                    e.preventDefault();
                    e.currentTarget.blur();
                  }
                }}
              />
              <p className="mt-1 text-xs text-slate-500">
                Normalised: <span data-testid="current-normtext">{current.normText}</span>
              </p>
              {level === 'sentence' && (
                <SentenceList
                  fragment={current}
                  selected={currentSentence}
                  playing={playingId === current.id ? playingSentence : null}
                  onSelect={(k) => setCurrentSentence(k)}
                  onPlay={(_k, start, end) => playRange({ start, end, fragmentId: null })}
                />
              )}
              {current.modelText !== null && (
                <p className={`mt-1 text-xs ${current.flag === 'model-mismatch' ? 'text-red-700' : 'text-slate-500'}`} data-testid="current-modeltext">
                  Model heard: {current.modelText || '(nothing)'}
                  {current.modelCer !== null && ` · CER ${Math.round(current.modelCer * 100)} %`}
                </p>
              )}
              <div className="mt-2 flex flex-wrap gap-2">
                <Button onClick={() => setStatus('approved')}>Approve</Button>
                <Button variant="danger" onClick={() => setStatus('rejected')}>
                  Reject
                </Button>
                <Button variant="secondary" onClick={split}>
                  Split
                </Button>
                <Button variant="secondary" onClick={merge} disabled={indexOf(current.id) >= fragments.length - 1}>
                  Merge with next
                </Button>
                <Button variant="secondary" aria-pressed={current.flag === ATTENTION_FLAG} onClick={toggleAttention}>
                  {current.flag === ATTENTION_FLAG ? 'Clear attention' : 'Mark for attention'}
                </Button>
              </div>
              <div className="mt-2 flex flex-wrap items-center gap-2 border-t border-slate-100 pt-2">
                <Button variant="secondary" aria-pressed={current.lockedBegin} onClick={() => toggleLock('begin')}>
                  {current.lockedBegin ? 'Unlock begin' : 'Lock begin'}
                </Button>
                <Button variant="secondary" aria-pressed={current.lockedEnd} onClick={() => toggleLock('end')}>
                  {current.lockedEnd ? 'Unlock end' : 'Lock end'}
                </Button>
                <Button variant="secondary" onClick={startRealign} disabled={realignBusy}>
                  Re-align between anchors
                </Button>
              </div>
            </section>
          ) : (
            <p className="text-sm text-slate-500">This chapter has no paragraphs.</p>
          )}
          {realignJob && (
            <RealignPanel
              key={realignJob}
              chapterId={chapter.id}
              jobId={realignJob}
              busy={realignBusy}
              onProposal={setProposal}
              onAccept={acceptRealign}
              onDiscard={discardRealign}
            />
          )}
          {current && <RevisionPanel fragment={current} onRevert={revert} />}
          <ReviewQueuePanel chapterId={chapter.id} refreshKey={refreshKey} currentId={currentId} onSelect={(id) => select(id, { seek: true })} />
          <section aria-label="Sync map">
            <ChapterSyncMapTools chapterId={chapter.id} aligned onImported={reloadFragments} />
          </section>
        </div>
      </div>
      {showHelp && <ShortcutsOverlay onClose={() => setShowHelp(false)} />}
    </div>
  );
}
