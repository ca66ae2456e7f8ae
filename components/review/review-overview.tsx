// A book's or project's review: reviewed audio per book and per chapter, then the queue (worst confidence
// first, filtered, paginated), each row opening the chapter editor at that paragraph. Server-rendered; the
// filters are a plain GET form. Each chapter row says who reviews it; admins change that there.
import Link from 'next/link';
import { Fragment } from 'react';
import type { ReviewProgress, ProgressNumbers } from '@/lib/review/review-progress.ts';
import type { ReviewQueueItem } from '@/lib/review/review-queue.ts';
import { FRAGMENT_STATUSES } from '@/lib/review/fragment-view.ts';
import { REVIEW_PAGE_SIZE, reviewPageHref, type ReviewPageFilters } from '@/lib/review/review-page-filters.ts';
import { ProgressBar } from '../ui/progress-bar.tsx';
import type { ChapterAssignments } from './chapter-assignments.ts';
import { ChapterAssigneeSelect } from './chapter-assignee-select.tsx';
import { assigneeLabel } from './assignee-label.ts';

function hours(sec: number): string {
  return sec >= 3600 ? `${(sec / 3600).toFixed(2)} h` : `${(sec / 60).toFixed(1)} min`;
}

function AssigneeCell({ chapterId, label, assignments }: { chapterId: string; label: string; assignments: ChapterAssignments }) {
  const assignee = assignments.byChapter[chapterId] ?? null;
  if (assignments.users) return <ChapterAssigneeSelect chapterId={chapterId} chapterLabel={label} assignee={assignee} users={assignments.users} />;
  return <span className={assignee ? 'text-slate-700' : 'text-slate-400'}>{assignee ? assigneeLabel(assignee) : 'Unassigned'}</span>;
}

function ProgressRow({ label, href, p, assignee }: { label: string; href: string; p: ProgressNumbers; assignee?: React.ReactNode }) {
  const left = p.fragments.auto + p.fragments.edited;
  return (
    <tr className="border-t border-slate-100">
      <td className="py-1 pr-3">
        <Link href={href} className="text-indigo-700 hover:underline">
          {label}
        </Link>
      </td>
      <td className="w-64 py-1 pr-3">
        <ProgressBar value={p.reviewedRatio} label={`Reviewed audio of ${label}`} tone="green" />
      </td>
      <td className="py-1 pr-3 tabular-nums text-slate-600">
        {hours(p.reviewedSec)} of {hours(p.totalSec)} ({Math.round(p.reviewedRatio * 100)} %)
      </td>
      <td className="py-1 pr-3 tabular-nums text-slate-600">{left} to review</td>
      <td className="py-1 pr-2">{assignee}</td>
    </tr>
  );
}

export function ReviewOverview({
  title,
  back,
  base,
  progress,
  queue,
  filters,
  assignments,
}: {
  title: string;
  back: { href: string; label: string };
  /** This page's path, for the filter form and pagination. */
  base: string;
  progress: ReviewProgress;
  queue: { total: number; items: ReviewQueueItem[] };
  filters: ReviewPageFilters;
  /** Who has which chapter (shown in the Progress table; a select for admins). */
  assignments: ChapterAssignments;
}) {
  const pages = Math.max(1, Math.ceil(queue.total / REVIEW_PAGE_SIZE));
  const bookTitle = new Map(progress.books.map((b) => [b.bookId, b.title]));
  const manyBooks = progress.books.length > 1;
  return (
    <div className="space-y-6">
      <div>
        <Link href={back.href} className="text-sm text-slate-500 hover:underline">
          {back.label}
        </Link>
        <h1 className="text-2xl font-semibold">Review: {title}</h1>
        <div className="mt-2 max-w-xl text-sm text-slate-600">
          <ProgressBar value={progress.reviewedRatio} label="Reviewed audio" tone="green" />
          <p className="mt-1" data-testid="review-total">
            Reviewed {hours(progress.reviewedSec)} of {hours(progress.totalSec)} ({Math.round(progress.reviewedRatio * 100)} %) ·{' '}
            {progress.fragments.auto + progress.fragments.edited} of {progress.fragments.total} paragraphs left
          </p>
        </div>
      </div>

      <section aria-label="Progress">
        <h2 className="mb-2 text-lg font-semibold">Progress</h2>
        <table className="w-full rounded border border-slate-200 bg-white text-sm" aria-label="Progress by chapter">
          <thead className="sr-only">
            <tr>
              <th>Chapter</th>
              <th>Reviewed</th>
              <th>Reviewed audio</th>
              <th>Left</th>
              <th>Assigned to</th>
            </tr>
          </thead>
          <tbody>
            {progress.books.map((b) => (
              <Fragment key={b.bookId}>
                {manyBooks && <ProgressRow label={b.title} href={`/books/${b.bookId}/review`} p={b} />}
                {progress.chapters
                  .filter((c) => c.bookId === b.bookId)
                  .map((c) => {
                    const label = `${c.position + 1}. ${c.title ?? `Chapter ${c.position + 1}`}`;
                    return (
                      <ProgressRow
                        key={c.chapterId}
                        label={`${manyBooks ? '\u00a0\u00a0\u00a0' : ''}${label}`}
                        href={`/chapters/${c.chapterId}/review`}
                        p={c}
                        assignee={<AssigneeCell chapterId={c.chapterId} label={label} assignments={assignments} />}
                      />
                    );
                  })}
              </Fragment>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-label="Review queue">
        <h2 className="mb-2 text-lg font-semibold">Queue</h2>
        <form method="get" action={base} className="mb-2 flex flex-wrap items-end gap-3 text-sm">
          <fieldset className="flex gap-2">
            <legend className="text-xs text-slate-500">Status</legend>
            {FRAGMENT_STATUSES.map((s) => (
              <label key={s} className="flex items-center gap-1">
                <input type="checkbox" name="status" value={s} defaultChecked={filters.status.includes(s)} /> {s}
              </label>
            ))}
          </fieldset>
          <label className="flex flex-col text-xs text-slate-500">
            Min confidence %
            <input name="min" type="number" min={0} max={100} defaultValue={filters.min ?? ''} className="w-20 rounded border border-slate-300 px-1 text-sm text-slate-900" />
          </label>
          <label className="flex flex-col text-xs text-slate-500">
            Max confidence %
            <input name="max" type="number" min={0} max={100} defaultValue={filters.max ?? ''} className="w-20 rounded border border-slate-300 px-1 text-sm text-slate-900" />
          </label>
          <label className="flex items-center gap-1">
            <input type="checkbox" name="flagged" value="1" defaultChecked={filters.flagged} /> Flagged only
          </label>
          <button type="submit" className="rounded bg-indigo-600 px-3 py-1.5 font-medium text-white hover:bg-indigo-700">
            Filter
          </button>
        </form>
        <p className="mb-1 text-xs text-slate-500">
          {queue.total} paragraph{queue.total === 1 ? '' : 's'}, worst confidence first · page {filters.page} of {pages}
        </p>
        {queue.items.length === 0 ? (
          <p className="text-sm text-slate-600">Nothing to review with these filters.</p>
        ) : (
          <table className="w-full rounded border border-slate-200 bg-white text-sm" aria-label="Paragraphs to review">
            <thead className="bg-slate-100 text-left text-xs">
              <tr>
                <th className="px-2 py-1">Confidence</th>
                <th>Chapter</th>
                <th>#</th>
                <th>Text</th>
                <th>Times</th>
                <th>Status</th>
              </tr>
            </thead>
            <tbody>
              {queue.items.map((f) => (
                <tr key={f.id} className="border-t border-slate-100">
                  <td className="px-2 py-1 tabular-nums">{f.confidence == null ? '—' : `${Math.round(f.confidence * 100)} %`}</td>
                  <td className="pr-2">
                    {manyBooks && <span className="text-slate-500">{bookTitle.get(f.chapter.bookId) ?? f.chapter.bookTitle} · </span>}
                    {f.chapter.position + 1}. {f.chapter.title}
                  </td>
                  <td className="pr-2 tabular-nums">{f.position + 1}</td>
                  <td className="max-w-md truncate pr-2">
                    <Link href={`/chapters/${f.chapter.id}/review?fragment=${f.id}`} className="text-indigo-700 hover:underline">
                      {f.text}
                    </Link>
                    {f.flag && <span className="ml-1 rounded bg-red-50 px-1 text-xs text-red-700">{f.flag}</span>}
                    {f.modelText !== null && <span className="block truncate text-xs text-slate-500">model heard: {f.modelText || '(nothing)'}</span>}
                  </td>
                  <td className="pr-2 tabular-nums text-slate-600">
                    {f.begin?.toFixed(2) ?? '—'}–{f.end?.toFixed(2) ?? '—'}
                  </td>
                  <td>{f.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <nav aria-label="Pages" className="mt-2 flex gap-2 text-sm">
          {filters.page > 1 && (
            <Link href={reviewPageHref(base, filters, filters.page - 1)} className="text-indigo-700 hover:underline">
              ← Previous
            </Link>
          )}
          {filters.page < pages && (
            <Link href={reviewPageHref(base, filters, filters.page + 1)} className="text-indigo-700 hover:underline">
              Next →
            </Link>
          )}
        </nav>
      </section>
    </div>
  );
}
