'use client';
// The editor's title block: chapter, counts, the save state and the reviewed share of the audio.
import Link from 'next/link';
import type { ReviewChapter } from '@/lib/review/get-review-chapter.ts';
import type { ChapterProgress } from '@/lib/review/review-progress.ts';
import { ProgressBar } from '../ui/progress-bar.tsx';

export type SaveState = 'Saved' | 'Saving…' | 'Conflict';

export function EditorHeader({
  chapter,
  paragraphs,
  sentences,
  duration,
  saveState,
  progress,
}: {
  chapter: ReviewChapter;
  paragraphs: number;
  /** Shown at the sentence level. */
  sentences: number | null;
  duration: number;
  saveState: SaveState;
  progress: ChapterProgress | null;
}) {
  return (
    <div className="flex flex-wrap items-start justify-between gap-3">
      <div>
        <Link href={`/chapters/${chapter.id}`} className="text-sm text-slate-500 hover:underline">
          {chapter.bookTitle} · chapter {chapter.position + 1}
        </Link>
        <h1 className="text-2xl font-semibold">Review: {chapter.title ?? `Chapter ${chapter.position + 1}`}</h1>
        <p className="text-sm text-slate-600">
          {paragraphs} paragraphs{sentences !== null && <> · {sentences} sentences</>} · {duration.toFixed(1)} s
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
  );
}
