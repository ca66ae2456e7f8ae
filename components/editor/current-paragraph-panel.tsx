'use client';
// The selected paragraph: times, status, confidence, its text (edited in place), transcript, the model's
// transcript, its sentences at the sentence level, and the review actions.
import type { RefObject } from 'react';
import { ATTENTION_FLAG, type FragmentView } from '@/lib/review/fragment-view.ts';
import type { BoundaryEdge } from '@/lib/review/move-boundary.ts';
import { Button } from '../ui/button.tsx';
import { SentenceList } from './sentence-list.tsx';
import { STATUS_PILL } from './status-pill.ts';

export type ParagraphActions = {
  editText: (text: string) => void;
  setCaret: (caret: number) => void;
  flushText: () => void;
  approve: () => void;
  approveAndNext: () => void;
  reject: () => void;
  split: () => void;
  merge: () => void;
  toggleAttention: () => void;
  toggleLock: (edge: BoundaryEdge) => void;
  startRealign: () => void;
};

export type SentenceListState = {
  selected: number | null;
  playing: number | null;
  onSelect: (sentence: number) => void;
  onPlay: (sentence: number, begin: number, end: number) => void;
};

export function CurrentParagraphPanel({
  fragment: current,
  isLast,
  approveAndNext,
  textRef,
  actions: a,
  realignBusy,
  sentences,
}: {
  fragment: FragmentView;
  isLast: boolean;
  /** The setting: whether A approves and goes on (the buttons do what they say either way). */
  approveAndNext: { on: boolean; set: (on: boolean) => void };
  textRef: RefObject<HTMLTextAreaElement | null>;
  actions: ParagraphActions;
  realignBusy: boolean;
  /** Set at the sentence level: the paragraph's sentences are listed. */
  sentences: SentenceListState | null;
}) {
  return (
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
        onChange={(e) => a.editText(e.target.value)}
        onSelect={(e) => a.setCaret(e.currentTarget.selectionStart)}
        onBlur={a.flushText}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey) {
            e.preventDefault();
            a.flushText();
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
      {sentences && <SentenceList fragment={current} {...sentences} />}
      {current.modelText !== null && (
        <p className={`mt-1 text-xs ${current.flag === 'model-mismatch' ? 'text-red-700' : 'text-slate-500'}`} data-testid="current-modeltext">
          Model heard: {current.modelText || '(nothing)'}
          {current.modelCer !== null && ` · CER ${Math.round(current.modelCer * 100)} %`}
        </p>
      )}
      <div className="mt-2 flex flex-wrap gap-2">
        <Button onClick={a.approveAndNext} title="Approve, then select the next paragraph that needs review">
          Approve and next
        </Button>
        <Button variant="secondary" onClick={a.approve}>
          Approve
        </Button>
        <Button variant="danger" onClick={a.reject}>
          Reject
        </Button>
        <Button variant="secondary" onClick={a.split}>
          Split
        </Button>
        <Button variant="secondary" onClick={a.merge} disabled={isLast}>
          Merge with next
        </Button>
        <Button variant="secondary" aria-pressed={current.flag === ATTENTION_FLAG} onClick={a.toggleAttention}>
          {current.flag === ATTENTION_FLAG ? 'Clear attention' : 'Mark for attention'}
        </Button>
      </div>
      <label className="mt-2 flex items-center gap-1 text-xs text-slate-600">
        <input type="checkbox" checked={approveAndNext.on} onChange={(e) => approveAndNext.set(e.target.checked)} />
        <kbd className="rounded border border-slate-300 bg-slate-50 px-1 font-mono">A</kbd> approves and goes on to the next paragraph to review
      </label>
      <div className="mt-2 flex flex-wrap items-center gap-2 border-t border-slate-100 pt-2">
        <Button variant="secondary" aria-pressed={current.lockedBegin} onClick={() => a.toggleLock('begin')}>
          {current.lockedBegin ? 'Unlock begin' : 'Lock begin'}
        </Button>
        <Button variant="secondary" aria-pressed={current.lockedEnd} onClick={() => a.toggleLock('end')}>
          {current.lockedEnd ? 'Unlock end' : 'Lock end'}
        </Button>
        <Button variant="secondary" onClick={a.startRealign} disabled={realignBusy}>
          Re-align between anchors
        </Button>
      </div>
    </section>
  );
}
