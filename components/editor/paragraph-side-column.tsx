'use client';
// The editor's side column: the selected paragraph (its panel, a running re-alignment, its history), then the
// chapter's review queue and its sync map tools. The hooks it acts through are the editor's (ChapterEditor).
import type { RefObject } from 'react';
import type { FragmentView } from '@/lib/review/fragment-view.ts';
import { ChapterSyncMapTools } from '../chapter-syncmap-tools.tsx';
import { CurrentParagraphPanel, type SentenceListState } from './current-paragraph-panel.tsx';
import { RealignPanel } from './realign-panel.tsx';
import { ReviewQueuePanel } from './review-queue-panel.tsx';
import { RevisionPanel } from './revision-panel.tsx';
import type { useApproveAndNext } from './use-approve-and-next.ts';
import type { useParagraphEdits } from './use-paragraph-edits.ts';
import type { useRealign } from './use-realign.ts';

export function ParagraphSideColumn(p: {
  chapterId: string;
  /** The selected paragraph; null when the chapter has none. */
  current: FragmentView | null;
  isLast: boolean;
  currentId: string | null;
  approveAndNext: ReturnType<typeof useApproveAndNext>;
  edits: ReturnType<typeof useParagraphEdits>;
  realign: ReturnType<typeof useRealign>;
  textRef: RefObject<HTMLTextAreaElement | null>;
  /** Where the caret was in each paragraph's text (kept across selections). */
  caretRef: RefObject<Map<string, number>>;
  flushText: (id: string) => void;
  /** Set at the sentence level: the paragraph's sentences are listed. */
  sentences: SentenceListState | null;
  /** Changes when a save lands: the review queue reloads. */
  refreshKey: number;
  onSelect: (id: string) => void;
}) {
  const { current, edits, realign, approveAndNext } = p;
  return (
    <div className="min-w-0 space-y-3">
      {current ? (
        <CurrentParagraphPanel
          fragment={current}
          isLast={p.isLast}
          approveAndNext={approveAndNext}
          textRef={p.textRef}
          realignBusy={realign.busy}
          actions={{
            editText: (text) => edits.editText(current.id, text),
            setCaret: (caret) => p.caretRef.current.set(current.id, caret),
            flushText: () => p.flushText(current.id),
            approve: () => approveAndNext.approve(false),
            approveAndNext: () => approveAndNext.approve(true),
            reject: () => edits.setStatus('rejected'),
            split: edits.split,
            merge: edits.merge,
            toggleAttention: edits.toggleAttention,
            toggleLock: realign.toggleLock,
            startRealign: realign.start,
          }}
          sentences={p.sentences}
        />
      ) : (
        <p className="text-sm text-slate-500">This chapter has no paragraphs.</p>
      )}
      {realign.job && (
        <RealignPanel
          key={realign.job}
          chapterId={p.chapterId}
          jobId={realign.job}
          busy={realign.busy}
          onProposal={realign.setProposal}
          onAccept={realign.accept}
          onDiscard={realign.discard}
        />
      )}
      {current && <RevisionPanel fragment={current} onRevert={edits.revert} />}
      <ReviewQueuePanel chapterId={p.chapterId} refreshKey={p.refreshKey} currentId={p.currentId} onSelect={p.onSelect} />
      <section aria-label="Sync map">
        <ChapterSyncMapTools chapterId={p.chapterId} aligned onImported={edits.reload} />
      </section>
    </div>
  );
}
