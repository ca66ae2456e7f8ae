'use client';
// The chapter review editor: waveform with one region per paragraph (or per sentence, at the sentence level),
// the paragraph list, the current paragraph's text, sentences and history, the review queue. The component wires
// hooks named for what they own (saves, undo, selection, edits, drags, anchors, keys, playback); region maths
// come from lib/review; wavesurfer.js lives in useWaveSurfer (with useZoom), its regions in useRegions.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ReviewChapter } from '@/lib/review/get-review-chapter.ts';
import type { BoundaryEdge } from '@/lib/review/region-math.ts';
import { parseSentenceRegionId } from '@/lib/review/sentence-region-id.ts';
import { proposedBoundaries } from '@/lib/review/moves-locked-edge.ts';
import { paragraphRegions, sentenceRegions, type WaveRegion } from '@/lib/review/wave-regions.ts';
import { ShortcutsOverlay } from './shortcuts-overlay.tsx';
import { useWaveSurfer, WAVE_HEIGHT } from './use-wavesurfer.ts';
import { useRegions } from './use-regions.ts';
import { VirtualList, type VirtualListHandle } from './virtual-list.tsx';
import { EditorHeader, type SaveState } from './editor-header.tsx';
import { EditorNotice, type Notice } from './editor-notice.tsx';
import { WaveformSection } from './waveform-section.tsx';
import { ParagraphRow } from './paragraph-row.tsx';
import { ParagraphSideColumn } from './paragraph-side-column.tsx';
import { useEditorLevel } from './use-editor-level.ts';
import { useFragmentSaves } from './use-fragment-saves.ts';
import { useUndoHistory } from './use-undo-history.ts';
import { useUndoRedo } from './use-undo-redo.ts';
import { usePauses } from './use-pauses.ts';
import { usePauseBand } from './use-pause-band.ts';
import { useChapterProgress } from './use-chapter-progress.ts';
import { useRealign } from './use-realign.ts';
import { useParagraphEdits } from './use-paragraph-edits.ts';
import { useEditorKeys } from './use-editor-keys.ts';
import { useBoundaryEdits } from './use-boundary-edits.ts';
import { usePlayback } from './use-playback.ts';
import { usePlayHead } from './use-play-head.ts';
import { useSelection } from './use-selection.ts';
import { useReviewNavigation } from './use-review-navigation.ts';
import { useStructuralEdits } from './use-structural-edits.ts';
import { useApproveAndNext } from './use-approve-and-next.ts';

const ROW_HEIGHT = 64;
/** The narrowest a sentence region is drawn: a zero-length sentence keeps two handles a reviewer can grab apart. */
const MIN_SENTENCE_PX = 16;

export function ChapterEditor({ chapter }: { chapter: ReviewChapter }) {
  const duration = chapter.durationSec ?? Math.max(0, ...chapter.fragments.map((f) => f.end ?? 0));
  const [notice, setNotice] = useState<Notice | null>(null);
  const saves = useFragmentSaves(chapter.fragments, setNotice);
  const { fragments, fragsRef, flushText } = saves;
  const history = useUndoHistory(chapter.id);
  const { level, levelRef, setLevel, toggleLevel } = useEditorLevel();
  const snap = usePauses(chapter.audioFileId, (message) => setNotice({ kind: 'error', message }));
  const progress = useChapterProgress(chapter.id, saves.refreshKey);
  const [showHelp, setShowHelp] = useState(false);
  const [showSpectrogram, setShowSpectrogram] = useState(false);

  const caretRef = useRef(new Map<string, number>());
  const unlinkedRef = useRef(false);
  const lastEdgeRef = useRef<{ id: string; edge: BoundaryEdge } | null>(null);
  const listRef = useRef<VirtualListHandle>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const timeRef = useRef<HTMLSpanElement>(null);
  const waveRef = useRef<HTMLDivElement>(null);
  const minimapRef = useRef<HTMLDivElement>(null);

  const selection = useSelection({ initialId: chapter.fragments[0]?.id ?? null, fragsRef, listRef, wave: () => wave });
  const { currentId, currentRef, currentSentence, select, indexOf, currentNow } = selection;
  const structure = useStructuralEdits({ saves, history, currentRef, setCurrent: selection.setCurrent, setNotice });
  const { undo, redo } = useUndoRedo(saves, history, structure);
  const realign = useRealign({ chapterId: chapter.id, saves, history, setNotice, currentRef, lastEdgeRef });
  const edits = useParagraphEdits({
    chapterId: chapter.id,
    saves,
    history,
    structure,
    notice,
    setNotice,
    currentRef,
    setCurrent: selection.setCurrent,
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
    select,
    unlinkedRef,
    snapRef: snap.snapRef,
    lastEdgeRef,
    minSentenceSec: () => MIN_SENTENCE_PX / wave.pxPerSec,
  });
  const playback = usePlayback({ wave: () => wave, fragsRef, select: (id) => select(id) });
  const playHead = usePlayHead({ fragsRef, level: () => levelRef.current, timeRef, onParagraph: (i) => listRef.current?.scrollToIndex(i) });
  const wave = useWaveSurfer({
    containerRef: waveRef,
    minimapRef,
    audioFileId: chapter.audioFileId,
    duration,
    handlers: {
      onEdgeDrag: boundaries.onEdgeDrag,
      onEdgeDrop: boundaries.onEdgeDrop,
      onRegionClick(id) {
        const s = parseSentenceRegionId(id);
        if (s) select(s.fragmentId, { sentence: s.sentence });
        else select(id);
      },
      onTime(t) {
        playHead.onTime(t);
        playback.onTime(t);
      },
      onPlayingChange: playback.onPlayingChange,
    },
  });
  const minSentenceSec = MIN_SENTENCE_PX / wave.pxPerSec;
  const regions = useMemo<WaveRegion[]>(
    () =>
      level === 'sentence'
        ? sentenceRegions(fragments, { id: currentId, sentence: currentSentence }, minSentenceSec)
        : paragraphRegions(fragments, currentId),
    [fragments, currentId, currentSentence, level, minSentenceSec],
  );
  const ghosts = useMemo(() => (realign.proposal ? proposedBoundaries(realign.proposal.fragments) : []), [realign.proposal]);
  usePauseBand({ ready: wave.ready, getWrapper: wave.getWrapper, pauses: snap.bandPauses, duration, height: WAVE_HEIGHT });
  const regionsReady = useRegions({ ready: wave.ready, layerRef: wave.layerRef, regions, ghosts, pxPerSec: wave.pxPerSec });

  // ---- playback and moving around
  const current = fragments.find((f) => f.id === currentId) ?? null;
  const { playRange, togglePlay } = playback;
  const playFragment = () => {
    const f = currentNow();
    if (f && f.begin !== null && f.end !== null) playRange({ start: f.begin, end: f.end, fragmentId: f.id });
  };
  const auditionBoundary = () => {
    const f = currentNow();
    if (!f) return;
    const last = lastEdgeRef.current;
    const t = last && last.id === f.id ? f[last.edge] : f.end;
    if (t === null) return;
    playRange({ start: Math.max(0, t - 1), end: Math.min(duration, t + 1), fragmentId: null });
  };
  const { step, nextUnreviewed, nextToReview } = useReviewNavigation({ chapter, fragsRef, currentRef, select, setNotice, wave });
  const approveAndNext = useApproveAndNext({ approve: () => edits.setStatus('approved'), next: nextToReview, focusList: () => listRef.current?.focus() });
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
      approve: () => approveAndNext.approve(approveAndNext.on),
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
    if (regionsReady && performance.getEntriesByName('alinea:editor-ready').length === 0) performance.mark('alinea:editor-ready');
  }, [regionsReady]);

  const { setRate: setWaveRate, ready: waveReady } = wave;
  useEffect(() => {
    if (waveReady) setWaveRate(playback.rate);
  }, [playback.rate, setWaveRate, waveReady]);

  const saveState: SaveState = notice?.kind === 'conflict' ? 'Conflict' : saves.busy ? 'Saving…' : 'Saved';

  return (
    <div className="space-y-3" data-testid="chapter-editor" data-editor-ready={regionsReady ? 'true' : 'false'}>
      <EditorHeader
        chapter={chapter}
        paragraphs={fragments.length}
        sentences={level === 'sentence' ? fragments.reduce((n, f) => n + (f.sentences?.length ?? 0), 0) : null}
        duration={duration}
        saveState={saveState}
        progress={progress}
      />
      {notice && <EditorNotice notice={notice} onReapply={edits.reapplyMine} onDismiss={() => setNotice(null)} />}

      <WaveformSection
        wave={wave}
        audioFileId={chapter.audioFileId}
        waveRef={waveRef}
        minimapRef={minimapRef}
        toolbar={{
          level,
          setLevel,
          isPlaying: playback.isPlaying,
          togglePlay,
          playFragment,
          auditionBoundary,
          loop: { on: playback.loop, set: playback.setLoop },
          autoAdvance: { on: playback.autoAdvance, set: playback.setAutoAdvance },
          rate: playback.rate,
          setRate: playback.setRate,
          zoom: { ready: wave.ready, pxPerSec: wave.pxPerSec, min: wave.minPxPerSec, max: wave.maxPxPerSec, zoomTo: wave.zoomTo },
          snap: { on: snap.snap, set: snap.setSnap, loading: snap.loading },
          pauseBand: { on: snap.band, set: snap.setBand },
          spectrogram: { on: showSpectrogram, set: setShowSpectrogram },
          timeRef,
          undo: { label: history.labels.undo, run: undo },
          redo: { label: history.labels.redo, run: redo },
          onHelp: () => setShowHelp(true),
        }}
      />

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
                playing={f.id === playHead.playingId}
                onSelect={() => select(f.id, { seek: true })}
                onPlay={playFragment}
              />
            );
          }}
        />

        <ParagraphSideColumn
          chapterId={chapter.id}
          current={current}
          isLast={current !== null && indexOf(current.id) >= fragments.length - 1}
          currentId={currentId}
          approveAndNext={approveAndNext}
          edits={edits}
          realign={realign}
          textRef={textRef}
          caretRef={caretRef}
          flushText={flushText}
          sentences={
            current && level === 'sentence'
              ? {
                  selected: currentSentence,
                  playing: playHead.playingId === current.id ? playHead.playingSentence : null,
                  onSelect: selection.setCurrentSentence,
                  onPlay: (_k, start, end) => playRange({ start, end, fragmentId: null }),
                }
              : null
          }
          refreshKey={saves.refreshKey}
          onSelect={(id) => select(id, { seek: true })}
        />
      </div>
      {showHelp && <ShortcutsOverlay onClose={() => setShowHelp(false)} approveAndNext={approveAndNext} />}
    </div>
  );
}
