'use client';
// The editor's calls to the review routes, through the one apiJson (errors keep the server's `details`: a 409
// carries the fragment as it is now).
import { apiJson, type ApiError } from '../api-client.ts';
import type { FragmentView } from '@/lib/review/fragment-view.ts';
import type { FragmentState } from '@/lib/review/undo-stack.ts';
import type { FragmentRevisionView } from '@/lib/review/list-fragment-revisions.ts';
import type { RevertResult } from '@/lib/review/revert-fragment.ts';
import type { ReviewQueueItem } from '@/lib/review/review-queue.ts';
import type { ChapterProgress, ReviewProgress } from '@/lib/review/review-progress.ts';
import type { SpanRealignState } from '@/lib/review/get-span-realign.ts';
import type { AnchorRange } from '@/lib/review/find-anchor-range.ts';

/** The fragment(s) as they are now on the server, from a 409's details. */
export function currentFragments(err: ApiError): FragmentView[] {
  const d = err.details;
  if (!d) return [];
  if (Array.isArray(d.fragments)) return d.fragments as FragmentView[];
  return d.fragment ? [d.fragment as FragmentView] : [];
}

const call = apiJson;

export type RevisionJSON = Omit<FragmentRevisionView, 'createdAt'> & { createdAt: string };
export type QueueFilters = { status: string[]; minConfidence: string; maxConfidence: string; flagged: boolean };

export const editorApi = {
  updateFragment: (id: string, expectedVersion: number, changes: Partial<FragmentState> & { flag?: 'attention' | null }, reason?: string) => {
    // sentence texts follow the paragraph's text on the server: only their times are sent
    const { sentences, ...rest } = changes;
    const body = sentences ? { ...rest, sentences: sentences.map((s) => ({ begin: s.begin, end: s.end })) } : rest;
    return call<{ fragment: FragmentView }>(`/api/fragments/${id}`, { method: 'PATCH', body: { expectedVersion, changes: body, reason } }).then((r) => r.fragment);
  },
  /** `statuses`: a side's status to set with the move (an undo giving the old one back). */
  updateBoundary: (left: FragmentView, right: FragmentView, time: number, statuses: { left?: string; right?: string } = {}) =>
    call<{ left: FragmentView; right: FragmentView }>('/api/fragments/boundary', {
      body: {
        left: { fragmentId: left.id, expectedVersion: left.version, ...(statuses.left ? { status: statuses.left } : {}) },
        right: { fragmentId: right.id, expectedVersion: right.version, ...(statuses.right ? { status: statuses.right } : {}) },
        time,
      },
    }),
  split: (id: string, expectedVersion: number, atTime: number | null, textCaret: number) =>
    call<{ first: FragmentView; second: FragmentView; revisionId: string }>(`/api/fragments/${id}/split`, { body: { expectedVersion, atTime, textCaret } }),
  merge: (first: FragmentView, next: FragmentView) =>
    call<{ fragment: FragmentView; revisionId: string }>(`/api/fragments/${first.id}/merge`, {
      body: { expectedVersion: first.version, nextFragmentId: next.id, nextExpectedVersion: next.version },
    }),
  revisions: (id: string, signal?: AbortSignal) =>
    call<{ revisions: RevisionJSON[] }>(`/api/fragments/${id}/revisions?limit=50`, { signal }).then((r) => r.revisions),
  /** `otherExpectedVersion`: reverting a split, the version held of the paragraph it split off (it goes away). */
  revert: (id: string, revisionId: string, side: 'before' | 'after', expectedVersion: number, otherExpectedVersion?: number) =>
    call<RevertResult>(`/api/fragments/${id}/revert`, {
      body: { revisionId, side, expectedVersion, ...(otherExpectedVersion !== undefined ? { otherExpectedVersion } : {}) },
    }),
  queue: (chapterId: string, f: QueueFilters, signal?: AbortSignal) => {
    const q = new URLSearchParams({ limit: '100' });
    if (f.status.length) q.set('status', f.status.join(','));
    if (f.minConfidence.trim()) q.set('minConfidence', String(Number(f.minConfidence) / 100));
    if (f.maxConfidence.trim()) q.set('maxConfidence', String(Number(f.maxConfidence) / 100));
    if (f.flagged) q.set('flagged', '1');
    return call<{ total: number; items: ReviewQueueItem[] }>(`/api/chapters/${chapterId}/review-queue?${q}`, { signal });
  },
  progress: (chapterId: string, signal?: AbortSignal) =>
    call<{ progress: ChapterProgress }>(`/api/chapters/${chapterId}/review-progress`, { signal }).then((r) => r.progress),
  bookProgress: (bookId: string, signal?: AbortSignal) =>
    call<{ progress: ReviewProgress }>(`/api/books/${bookId}/review-progress`, { signal }).then((r) => r.progress),
  setAnchor: (chapterId: string, fragmentId: string, edge: 'begin' | 'end', locked: boolean) =>
    call<{ fragments: FragmentView[] }>(`/api/chapters/${chapterId}/realign/anchors`, { body: { fragmentId, edge, locked } }).then((r) => r.fragments),
  startRealign: (chapterId: string, fragmentId: string) =>
    call<{ jobId: string; range: AnchorRange }>(`/api/chapters/${chapterId}/realign`, { body: { fragmentId } }),
  realignState: (chapterId: string, jobId: string, signal?: AbortSignal) =>
    call<SpanRealignState>(`/api/chapters/${chapterId}/realign?jobId=${encodeURIComponent(jobId)}`, { signal }),
  acceptRealign: (chapterId: string, jobId: string, includeReviewed: boolean) =>
    call<{ fragments: FragmentView[]; kept: string[] }>(`/api/chapters/${chapterId}/realign/accept`, { body: { jobId, includeReviewed } }),
  pauses: (audioFileId: string, signal?: AbortSignal) =>
    call<{ pauses: Array<{ begin: number; end: number }> }>(`/api/audio/${audioFileId}/pauses`, { signal }).then((r) => r.pauses),
  fragments: (chapterId: string, signal?: AbortSignal) =>
    call<{ chapter: { fragments: FragmentView[] } }>(`/api/chapters/${chapterId}/fragments`, { signal }).then((r) => r.chapter.fragments),
  peaks: (audioFileId: string, q: { start?: number; end?: number; samplesPerPeak: number }, signal?: AbortSignal) => {
    const p = new URLSearchParams({ samplesPerPeak: String(q.samplesPerPeak) });
    if (q.start !== undefined) p.set('start', q.start.toFixed(3));
    if (q.end !== undefined) p.set('end', q.end.toFixed(3));
    return call<{ sampleRate: number; samplesPerPeak: number; startSec: number; peaks: number[] }>(`/api/audio/${audioFileId}/peaks?${p}`, { signal });
  },
};
