import { notFound } from 'next/navigation';
import { isAppError } from '@/lib/errors/app-error.ts';
import { reviewProgress } from '@/lib/review/review-progress.ts';
import { reviewQueue } from '@/lib/review/review-queue.ts';
import { parseReviewPageFilters, reviewQueueFilters } from '@/lib/review/review-page-filters.ts';
import { ReviewOverview } from '@/components/review/review-overview.tsx';
import { loadChapterAssignments } from '@/components/review/chapter-assignments.ts';

export const dynamic = 'force-dynamic';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function BookReviewPage({ params, searchParams }: { params: Promise<{ bookId: string }>; searchParams: SearchParams }) {
  const { bookId } = await params;
  const filters = parseReviewPageFilters(await searchParams);
  try {
    const [progress, queue, assignments] = await Promise.all([
      reviewProgress({ bookId }),
      reviewQueue({ bookId, ...reviewQueueFilters(filters) }),
      loadChapterAssignments({ bookId }),
    ]);
    const title = progress.books[0]?.title ?? 'book';
    return (
      <ReviewOverview
        title={title}
        back={{ href: `/books/${bookId}`, label: title }}
        base={`/books/${bookId}/review`}
        progress={progress}
        queue={queue}
        filters={filters}
        assignments={assignments}
      />
    );
  } catch (e) {
    if (isAppError(e) && e.code === 'NOT_FOUND') notFound();
    throw e;
  }
}
