import Link from 'next/link';
import { notFound } from 'next/navigation';
import { findChapterAlignment } from '@/lib/chapter-alignment/find-chapter-alignment.ts';
import { ChapterSyncMapTools } from '@/components/chapter-syncmap-tools.tsx';
import { StatusBadge } from '@/components/ui/status-badge.tsx';
import { CheckChapterControl } from '@/components/training/check-chapter-control.tsx';
import { ParagraphCheckTable } from '@/components/training/paragraph-check-table.tsx';
import { listTrainingRuns } from '@/lib/training-runs/list-training-runs.ts';
import { runOptionLabel } from '@/lib/training-runs/run-option-label.ts';
import { isDone } from '@/lib/jobs/job-status.ts';

export const dynamic = 'force-dynamic';

export default async function ChapterPage({ params }: { params: Promise<{ chapterId: string }> }) {
  const { chapterId } = await params;
  const chapter = await findChapterAlignment(chapterId);
  if (!chapter) notFound();
  const runs = (await listTrainingRuns()).filter((r) => isDone(r) && r.hasCheckpoint);
  const aligned = chapter.fragments.every((f) => f.begin != null);
  return (
    <div className="space-y-4">
      <div>
        <Link href={`/books/${chapter.bookId}`} className="text-sm text-slate-500 hover:underline">{chapter.book.title}</Link>
        <h1 className="text-2xl font-semibold">{chapter.position + 1}. {chapter.title}</h1>
        <p className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
          {chapter.audioFile.originalName} · {chapter.fragments.length} paragraphs · alignment <StatusBadge status={chapter.alignStatus} />
          {chapter.meanConfidence != null && <span>mean confidence {(chapter.meanConfidence * 100).toFixed(0)} %</span>}
          {chapter.headSec != null && chapter.tailSec != null && (
            <span title="Speech before the first paragraph (e.g. a LibriVox intro) and after the last is not in the text">
              text spans {chapter.headSec.toFixed(2)}–{chapter.tailSec.toFixed(2)} s of {chapter.audioFile.durationSec?.toFixed(2)} s
            </span>
          )}
        </p>
        {chapter.alignError && <p role="alert" className="text-sm text-red-700">{chapter.alignError}</p>}
      </div>
      {chapter.fragments.every((f) => f.begin != null) && (
        <Link href={`/chapters/${chapter.id}/review`} className="inline-block rounded bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700">
          Review in editor
        </Link>
      )}
      <ChapterSyncMapTools chapterId={chapter.id} aligned={aligned} />
      {aligned && chapter.audioFile.pcmKey && (
        <CheckChapterControl
          chapterId={chapter.id}
          runs={runs.map((r) => ({ id: r.id, devCer: r.devCer, label: runOptionLabel(r) }))}
        />
      )}
      <ParagraphCheckTable fragments={chapter.fragments} />
    </div>
  );
}
