// The signed-in user's home: the chapters an admin assigned to them, each with how many of its paragraphs are
// reviewed (approved or rejected) and a link into the editor.
import Link from 'next/link';
import type { MyChapter } from '@/lib/review/list-my-chapters.ts';
import { ProgressBar } from '../ui/progress-bar.tsx';

export function MyChapters({ chapters }: { chapters: MyChapter[] }) {
  return (
    <section aria-label="My chapters" className="space-y-2">
      <h2 className="text-lg font-semibold">My chapters</h2>
      {chapters.length === 0 ? (
        <p className="text-sm text-slate-600">No chapters are assigned to you yet. An admin assigns them on a project’s Review page.</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded border border-slate-200 bg-white">
          {chapters.map((c) => {
            const label = `${c.position + 1}. ${c.title ?? `Chapter ${c.position + 1}`}`;
            const pct = Math.round(c.reviewedRatio * 100);
            return (
              <li key={c.chapterId} className="grid grid-cols-[1fr_12rem_16rem] items-center gap-4 px-4 py-3" data-testid="my-chapter">
                <div className="min-w-0">
                  <Link href={`/chapters/${c.chapterId}/review`} className="font-medium text-indigo-700 hover:underline">
                    {label}
                  </Link>
                  <p className="truncate text-xs text-slate-500">
                    {c.project.name} · {c.book.title}
                    {c.alignStatus !== 'aligned' && ` · ${c.alignStatus}`}
                  </p>
                </div>
                <ProgressBar value={c.reviewedRatio} label={`Reviewed paragraphs of ${label}`} tone="green" />
                <span className="whitespace-nowrap text-sm tabular-nums text-slate-600">
                  {c.fragments.reviewed} of {c.fragments.total} paragraphs reviewed ({pct} %)
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
