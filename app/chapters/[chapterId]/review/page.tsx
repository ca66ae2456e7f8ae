import Link from 'next/link';
import { notFound } from 'next/navigation';
import { isAppError } from '@/lib/errors/app-error.ts';
import { getReviewChapter, type ReviewChapter } from '@/lib/review/get-review-chapter.ts';
import { ChapterEditor } from '@/components/editor/chapter-editor.tsx';

export const dynamic = 'force-dynamic';

export default async function ChapterReviewPage({ params }: { params: Promise<{ chapterId: string }> }) {
  const { chapterId } = await params;
  let chapter: ReviewChapter;
  try {
    chapter = await getReviewChapter(chapterId);
  } catch (e) {
    if (isAppError(e) && e.code === 'NOT_FOUND') notFound();
    throw e;
  }
  const aligned = chapter.fragments.length > 0 && chapter.fragments.every((f) => f.begin !== null && f.end !== null);
  if (!aligned || !chapter.durationSec) {
    return (
      <div className="space-y-2">
        <Link href={`/chapters/${chapter.id}`} className="text-sm text-slate-500 hover:underline">
          Back to the chapter
        </Link>
        <h1 className="text-2xl font-semibold">Review: {chapter.title}</h1>
        <p role="alert" className="text-sm text-slate-700">
          This chapter is not aligned yet (alignment {chapter.alignStatus}). Align it first, then review it here.
        </p>
      </div>
    );
  }
  return <ChapterEditor key={chapter.id} chapter={chapter} />;
}
