import { notFound } from 'next/navigation';
import { findProject } from '@/lib/ingest/find-project.ts';
import { reviewProgress } from '@/lib/review/review-progress.ts';
import { reviewQueue } from '@/lib/review/review-queue.ts';
import { parseReviewPageFilters, reviewQueueFilters } from '@/lib/review/review-page-filters.ts';
import { ReviewOverview } from '@/components/review/review-overview.tsx';
import { loadChapterAssignments } from '@/components/review/chapter-assignments.ts';

export const dynamic = 'force-dynamic';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ProjectReviewPage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: SearchParams }) {
  const { projectId } = await params;
  const project = await findProject(projectId);
  if (!project) notFound();
  const filters = parseReviewPageFilters(await searchParams);
  const [progress, queue, assignments] = await Promise.all([
    reviewProgress({ projectId }),
    reviewQueue({ projectId, ...reviewQueueFilters(filters) }),
    loadChapterAssignments({ projectId }),
  ]);
  return (
    <ReviewOverview
      title={project.name}
      back={{ href: `/projects/${projectId}`, label: project.name }}
      base={`/projects/${projectId}/review`}
      progress={progress}
      queue={queue}
      filters={filters}
      assignments={assignments}
    />
  );
}
