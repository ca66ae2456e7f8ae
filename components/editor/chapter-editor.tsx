'use client';
// The chapter review editor: waveform with one region per paragraph (or per sentence, at the sentence level),
// the paragraph list, the current paragraph's text, sentences and history, the review queue. The component wires
// events: fragments and saves live in useFragmentSaves, undo in useUndoHistory, paragraph edits in
// useParagraphEdits, anchors in useRealign, keys in useEditorKeys (one shortcut table); region maths come from
// lib/review; the waveform hook only renders.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ReviewChapter } from '@/lib/review/get-review-chapter.ts';
import type { BoundaryEdge } from '@/lib/review/region-math.ts';
import { fittedSentences } from '@/lib/review/move-sentence-edge.ts';
import { parseSentenceRegionId } from '@/lib/review/sentence-region-id.ts';
import { planPatchSaves } from '@/lib/review/plan-patch-saves.ts';
import type { FragmentPatch } from '@/lib/review/undo-stack.ts';
import { applyState, fragmentAt, type EditableField } from '@/lib/review/fragment-edits.ts';
import { proposedBoundaries } from '@/lib/review/moves-locked-edge.ts';
import { ChapterSyncMapTools } from '../chapter-syncmap-tools.tsx';
import { RealignPanel } from './realign-panel.tsx';
import { ReviewQueuePanel } from './review-queue-panel.tsx';
import { RevisionPanel } from './revision-panel.tsx';
import { ShortcutsOverlay } from './shortcuts-overlay.tsx';
import { SpectrogramView } from './spectrogram-view.tsx';
import { useWaveSurfer, type WaveRegion } from './use-wavesurfer.ts';
import { VirtualList, type VirtualListHandle } from './virtual-list.tsx';
import { paragraphRegions, sentenceRegions } from './wave-regions.ts';
import { EditorHeader, type SaveState } from './editor-header.tsx';
import { EditorNotice, type Notice } from './editor-notice.tsx';
import { WaveformToolbar } from './waveform-toolbar.tsx';
import { ParagraphRow } from './paragraph-row.tsx';
import { CurrentParagraphPanel } from './current-paragraph-panel.tsx';
import { useEditorLevel } from './use-editor-level.ts';
import { useFragmentSaves } from './use-fragment-saves.ts';
import { useUndoHistory } from './use-undo-history.ts';
import { usePauseSnap } from './use-pause-snap.ts';
import { useChapterProgress } from './use-chapter-progress.ts';
import { useRealign } from './use-realign.ts';
import { useParagraphEdits } from './use-paragraph-edits.ts';
import { useEditorKeys } from './use-editor-keys.ts';
import { useBoundaryEdits } from './use-boundary-edits.ts';
import { usePlayback } from './use-playback.ts';
import { useReviewNavigation } from './use-review-navigation.ts';

const ROW_HEIGHT = 64;

export function ChapterEditor({ chapter }: { chapter: ReviewChapter }) {
  const duration = chapter.durationSec ?? Math.max(0, ...chapter.fragments.map((f) => f.end ?? 0));
  const [notice, setNotice] = useState<Notice | null>(null);
  const saves = useFragmentSaves(chapter.fragments, setNotice);
  const { fragments, fragsRef, commit, saveFields, saveBoundary, flushText, flushAllText } = saves;
  const history = useUndoHistory(chapter.id);
  const { level, setLevel, toggleLevel } = useEditorLevel();
  const snap = usePauseSnap(chapter.audioFileId, (message) => setNotice({ kind: 'error', message }));
  const progress = useChapterProgress(chapter.id, saves.refreshKey);

  const [currentId, setCurrentId] = useState<string | null>(chapter.fragments[0]?.id ?? null);
  const currentRef = useRef(currentId);
  /** Sentence level: the selected sentence of the current paragraph (null: the whole paragraph). */
  const [currentSentence, setCurrentSentence] = useState<number | null>(null);
  const [playingId, setPlayingId] = useState<string | null>(null);
  const playingRef = useRef<string | null>(null);
  const [playingSentence, setPlayingSentence] = useState<number | null>(null);
  const playingSentenceRef = useRef<number | null>(null);
  const [showHelp, setShowHelp] = useState(false);
  const [showSpectrogram, setShowSpectrogram] = useState(false);
  const levelRef = useRef(level);
  useEffect(() => {
    levelRef.current = level;
  }, [level]);

  const caretRef = useRef(new Map<string, number>());
  const unlinkedRef = useRef(false);
  const lastEdgeRef = useRef<{ id: string; edge: BoundaryEdge } | null>(null);
  const listRef = useRef<VirtualListHandle>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const timeRef = useRef<HTMLSpanElement>(null);
  const waveRef = useRef<HTMLDivElement>(null);
  const minimapRef = useRef<HTMLDivElement>(null);

  const indexOf = (id: string | null) => (id ? fragsRef.current.findIndex((f) => f.id === id) : -1);
  const setCurrent = (id: string | null) => {
    currentRef.current = id;
    setCurrentId(id);
  };
  const realign = useRealign({ chapterId: chapter.id, saves, history, setNotice, currentRef, lastEdgeRef });
  const edits = useParagraphEdits({
    chapterId: chapter.id,
    saves,
    history,
    notice,
    setNotice,
    currentRef,
    setCurrent,
    caretRef,
    getTime: () => wave.getTime(),
    onReloaded: realign.discard,
  });

  // ---- waveform
  const boundaries = useBoundaryEdits({
    duration,
    saves,
    history,
    setNotice,
    level: () => levelRef.current,
    currentRef,
    select: (id, o) => select(id, o),
    unlinkedRef,
    snapRef: snap.snapRef,
    lastEdgeRef,
  });
  const regions = useMemo<WaveRegion[]>(
    () => (level === 'sentence' ? sentenceRegions(fragments, { id: currentId, sentence: currentSentence }) : paragraphRegions(fragments, currentId)),
    [fragments, currentId, currentSentence, level],
  );
  const ghosts = useMemo(() => (realign.proposal ? proposedBoundaries(realign.proposal.fragments) : []), [realign.proposal]);

  const select = (id: string, opts: { seek?: boolean; sentence?: number } = {}) => {
    const i = indexOf(id);
    const f = fragsRef.current[i];
    if (!f) return;
    if (opts.sentence !== undefined || id !== currentRef.current) setCurrentSentence(opts.sentence ?? null);
    setCurrent(id);
    listRef.current?.scrollToIndex(i);
    if (opts.seek && f.begin !== null) {
      wave.setTime(f.begin);
      wave.reveal(f.begin);
    }
  };

  const playback = usePlayback({ wave: () => wave, fragsRef, select: (id) => select(id) });
  /** Follows the play head: the playing paragraph (and sentence), the end of a played range (loop, advance). */
  const onTime = (t: number) => {
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
    playback.onTime(t);
  };

  const wave = useWaveSurfer({
    containerRef: waveRef,
    minimapRef,
    audioFileId: chapter.audioFileId,
    duration,
    regions,
    ghosts,
    handlers: {
      onEdgeDrag: boundaries.onEdgeDrag,
      onEdgeDrop: boundaries.onEdgeDrop,
      onRegionClick(id) {
        const s = parseSentenceRegionId(id);
        if (s) select(s.fragmentId, { sentence: s.sentence });
        else select(id);
      },
      onTime,
      onPlayingChange: playback.onPlayingChange,
    },
  });

  // ---- playback and moving around
  const current = fragments.find((f) => f.id === currentId) ?? null;
  const { playRange, togglePlay } = playback;
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
  const { step, nextUnreviewed } = useReviewNavigation({ chapter, fragsRef, currentRef, select, setNotice, wave });

  // ---- undo / redo: each step is saved like any edit
  const applyStep = (patches: FragmentPatch[]) => {
    const byId = new Map(patches.map((p) => [p.fragmentId, p.after]));
    commit(fragsRef.current.map((f) => (byId.has(f.id) ? applyState(f, byId.get(f.id)!) : f)));
    for (const s of planPatchSaves(patches)) {
      if (s.kind === 'boundary') saveBoundary(s.leftId, s.rightId);
      else if (fragsRef.current.some((f) => f.id === s.fragmentId)) saveFields(s.fragmentId, Object.keys(s.changes) as EditableField[]);
    }
  };
  const undo = () => {
    flushAllText();
    const s = history.takeUndo();
    if (s) applyStep(s.patches);
  };
  const redo = () => {
    flushAllText();
    const s = history.takeRedo();
    if (s) applyStep(s.patches);
  };
  const zoomBy = (factor: number) => wave.zoomTo(wave.pxPerSec * factor);

  useEditorKeys(
    {
      togglePlay,
      playFragment,
      auditionBoundary,
      toggleLoop: () => playback.setLoop((v) => !v),
      previous: () => step(-1),
      next: () => step(1),
      nextUnreviewed,
      nudgeBegin: (amount) => boundaries.nudge('begin', amount),
      nudgeEnd: (amount) => boundaries.nudge('end', amount),
      toggleLock: () => realign.toggleLock(),
      approve: () => edits.setStatus('approved'),
      reject: () => edits.setStatus('rejected'),
      toggleAttention: edits.toggleAttention,
      editText: () => requestAnimationFrame(() => textRef.current?.focus()),
      split: edits.split,
      merge: edits.merge,
      toggleLevel,
      undo,
      redo,
      zoomIn: () => zoomBy(1.5),
      zoomOut: () => zoomBy(1 / 1.5),
      help: () => setShowHelp(true),
    },
    { paused: showHelp, unlinkedRef },
  );

  // a User Timing mark when the editor becomes interactive (bench/editor-perf.ts reads it)
  useEffect(() => {
    if (wave.regionsReady && performance.getEntriesByName('alinea:editor-ready').length === 0) performance.mark('alinea:editor-ready');
  }, [wave.regionsReady]);

  const { setRate: setWaveRate, ready: waveReady } = wave;
  useEffect(() => {
    if (waveReady) setWaveRate(playback.rate);
  }, [playback.rate, setWaveRate, waveReady]);

  const saveState: SaveState = notice?.kind === 'conflict' ? 'Conflict' : saves.busy ? 'Saving…' : 'Saved';

  return (
    <div className="space-y-3" data-testid="chapter-editor" data-editor-ready={wave.regionsReady ? 'true' : 'false'}>
      <EditorHeader
        chapter={chapter}
        paragraphs={fragments.length}
        sentences={level === 'sentence' ? fragments.reduce((n, f) => n + (f.sentences?.length ?? 0), 0) : null}
        duration={duration}
        saveState={saveState}
        progress={progress}
      />
      {notice && <EditorNotice notice={notice} onReapply={edits.reapplyMine} onDismiss={() => setNotice(null)} />}

      <section aria-label="Waveform" className="rounded border border-slate-200 bg-white p-2">
        <WaveformToolbar
          level={level}
          setLevel={setLevel}
          isPlaying={playback.isPlaying}
          togglePlay={togglePlay}
          playFragment={playFragment}
          auditionBoundary={auditionBoundary}
          loop={{ on: playback.loop, set: playback.setLoop }}
          autoAdvance={{ on: playback.autoAdvance, set: playback.setAutoAdvance }}
          rate={playback.rate}
          setRate={playback.setRate}
          zoom={{ ready: wave.ready, pxPerSec: wave.pxPerSec, min: wave.minPxPerSec, max: wave.maxPxPerSec, zoomTo: wave.zoomTo }}
          snap={{ on: snap.snap, set: snap.setSnap, loading: snap.loading }}
          spectrogram={{ on: showSpectrogram, set: setShowSpectrogram }}
          timeRef={timeRef}
          undo={{ label: history.labels.undo, run: undo }}
          redo={{ label: history.labels.redo, run: redo }}
          onHelp={() => setShowHelp(true)}
        />
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
            return (
              <ParagraphRow
                fragment={f}
                selected={f.id === currentId}
                playing={f.id === playingId}
                onSelect={() => select(f.id, { seek: true })}
                onPlay={playFragment}
              />
            );
          }}
        />

        <div className="min-w-0 space-y-3">
          {current ? (
            <CurrentParagraphPanel
              fragment={current}
              isLast={indexOf(current.id) >= fragments.length - 1}
              textRef={textRef}
              realignBusy={realign.busy}
              actions={{
                editText: (text) => edits.editText(current.id, text),
                setCaret: (caret) => caretRef.current.set(current.id, caret),
                flushText: () => flushText(current.id),
                setStatus: edits.setStatus,
                split: edits.split,
                merge: edits.merge,
                toggleAttention: edits.toggleAttention,
                toggleLock: realign.toggleLock,
                startRealign: realign.start,
              }}
              sentences={
                level === 'sentence'
                  ? {
                      selected: currentSentence,
                      playing: playingId === current.id ? playingSentence : null,
                      onSelect: setCurrentSentence,
                      onPlay: (_k, start, end) => playRange({ start, end, fragmentId: null }),
                    }
                  : null
              }
            />
          ) : (
            <p className="text-sm text-slate-500">This chapter has no paragraphs.</p>
          )}
          {realign.job && (
            <RealignPanel
              key={realign.job}
              chapterId={chapter.id}
              jobId={realign.job}
              busy={realign.busy}
              onProposal={realign.setProposal}
              onAccept={realign.accept}
              onDiscard={realign.discard}
            />
          )}
          {current && <RevisionPanel fragment={current} onRevert={edits.revert} />}
          <ReviewQueuePanel chapterId={chapter.id} refreshKey={saves.refreshKey} currentId={currentId} onSelect={(id) => select(id, { seek: true })} />
          <section aria-label="Sync map">
            <ChapterSyncMapTools chapterId={chapter.id} aligned onImported={edits.reload} />
          </section>
        </div>
      </div>
      {showHelp && <ShortcutsOverlay onClose={() => setShowHelp(false)} />}
    </div>
  );
}
