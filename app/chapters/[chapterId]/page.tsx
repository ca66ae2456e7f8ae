import Link from 'next/link';
import { notFound } from 'next/navigation';
import { findChapterAlignment } from '@/lib/chapter-alignment/find-chapter-alignment.ts';
import { ChapterSyncMapTools } from '@/components/chapter-syncmap-tools.tsx';
import { StatusBadge } from '@/components/ui/status-badge.tsx';
import { CheckChapterControl } from '@/components/training/check-chapter-control.tsx';
import { listTrainingRuns } from '@/lib/training-runs/list-training-runs.ts';
import { isDone } from '@/lib/jobs/job-status.ts';

function confidenceClass(c: number | null): string {
  if (c == null) return 'text-slate-400';
  return c < 0.5 ? 'text-red-700 font-medium' : c < 0.75 ? 'text-amber-700' : 'text-emerald-700';
}

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
          runs={runs.map((r) => ({ id: r.id, label: `${r.id} · ${r.settings.model} · step ${r.step}${r.testCer !== null ? ` · test CER ${(r.testCer * 100).toFixed(0)} %` : ''}` }))}
        />
      )}
      <table className="w-full rounded border border-slate-200 bg-white text-sm" aria-label="Paragraphs">
        <thead className="bg-slate-100 text-left">
          <tr><th className="w-10 px-2 py-2">#</th><th className="w-1/2">Original text</th><th>Normalised transcript</th><th>Model heard</th><th className="w-32">Time (s)</th><th className="w-24">Confidence</th></tr>
        </thead>
        <tbody>
          {chapter.fragments.map((f) => (
            <tr key={f.id} className="border-t border-slate-200 align-top" data-testid="fragment-row">
              <td className="px-2 py-2 text-slate-500">{f.position + 1}</td>
              <td className="whitespace-pre-line py-2 pr-4">{f.text}</td>
              <td className="py-2 pr-4 text-slate-700">{f.normText}</td>
              <td className="py-2 pr-4 text-slate-600" data-testid="fragment-model">
                {f.modelText == null ? <span className="text-slate-300">—</span> : (
                  <>
                    <span className={f.flag === 'model-mismatch' ? 'text-red-700' : undefined}>{f.modelText || '(nothing)'}</span>
                    {f.modelCer != null && <span className="ml-1 text-xs text-slate-400">CER {(f.modelCer * 100).toFixed(0)} %</span>}
                    {f.flag === 'model-mismatch' && <span className="ml-1 rounded bg-red-50 px-1 text-xs text-red-700">model-mismatch</span>}
                  </>
                )}
              </td>
              <td className="py-2 text-slate-500" data-testid="fragment-time">{f.begin == null ? 'not aligned' : `${f.begin.toFixed(2)}–${f.end?.toFixed(2)}`}</td>
              <td className={`py-2 ${confidenceClass(f.confidence)}`} data-testid="fragment-confidence">{f.confidence == null ? '—' : `${(f.confidence * 100).toFixed(0)} %`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
