'use client';
// One row of the paragraph list: position (and anchors), text and transcript (a heading marked as such), times,
// flag, status, confidence.
import type { FragmentView } from '@/lib/review/fragment-view.ts';
import { STATUS_PILL } from './status-pill.ts';
import { LOW_CONFIDENCE } from '@/lib/review/wave-regions.ts';

function fmt(t: number | null): string {
  return t == null ? '—' : t.toFixed(2);
}

export function ParagraphRow({
  fragment: f,
  selected,
  playing,
  onSelect,
  onPlay,
}: {
  fragment: FragmentView;
  selected: boolean;
  playing: boolean;
  onSelect: () => void;
  onPlay: () => void;
}) {
  return (
    <div
      role="option"
      aria-selected={selected}
      data-testid="editor-row"
      onClick={onSelect}
      onDoubleClick={() => {
        onSelect();
        onPlay();
      }}
      className={`flex h-full cursor-pointer gap-2 border-b border-l-4 border-b-slate-100 px-2 py-1 text-sm ${
        selected ? 'border-l-indigo-600 bg-indigo-50' : playing ? 'border-l-sky-400 bg-sky-50' : 'border-l-transparent hover:bg-slate-50'
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
        <div className="truncate">
          {f.kind === 'heading' && (
            <span className="mr-1 rounded bg-violet-100 px-1 text-[10px] font-medium uppercase text-violet-800" title="Heading: aligned, left out of exports unless asked">
              heading
            </span>
          )}
          {f.text}
        </div>
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
}
