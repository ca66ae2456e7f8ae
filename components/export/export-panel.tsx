'use client';
// The export page: settings form with live preview, and the project's exports (polled while one runs).
import { isActive } from '@/lib/jobs/job-status.ts';
import type { ExportView } from '@/lib/export/export-view.ts';
import { whileActive } from '../data-layer/refresh-interval.ts';
import { useApi } from '../data-layer/use-api.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { ExportForm } from './export-form.tsx';
import { ExportList } from './export-list.tsx';

export function ExportPanel({ projectId, books, initialExports }: { projectId: string; books: { id: string; title: string }[]; initialExports: ExportView[] }) {
  const { data, error, mutate } = useApi<{ exports: ExportView[] }>(`/api/projects/${projectId}/exports`, {
    initial: { exports: initialExports },
    refreshInterval: whileActive((d) => d.exports.some(isActive), 700),
  });
  const refresh = () => mutate();

  return (
    <div className="space-y-8">
      <ErrorAlert error={error} />
      <ExportForm projectId={projectId} books={books} lastSettings={initialExports[0]?.settings} onStarted={refresh} />
      <ExportList exports={data.exports} onChange={refresh} />
    </div>
  );
}
