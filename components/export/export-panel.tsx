'use client';
// The export page: settings form with live preview, and the project's exports (polled while one runs).
import { useCallback, useEffect, useState } from 'react';
import type { ExportView } from '@/lib/export/export-view.ts';
import { apiJson } from '../api-client.ts';
import { ExportForm } from './export-form.tsx';
import { ExportList } from './export-list.tsx';

export function ExportPanel({ projectId, books, initialExports }: { projectId: string; books: { id: string; title: string }[]; initialExports: ExportView[] }) {
  const [exports, setExports] = useState(initialExports);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      setExports((await apiJson<{ exports: ExportView[] }>(`/api/projects/${projectId}/exports`)).exports);
    } catch (e) {
      setError((e as Error).message);
    }
  }, [projectId]);

  const active = exports.some((e) => e.status === 'queued' || e.status === 'running');
  useEffect(() => {
    if (!active) return;
    const t = setInterval(refresh, 700);
    return () => clearInterval(t);
  }, [refresh, active]);

  return (
    <div className="space-y-8">
      {error && <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">{error}</p>}
      <ExportForm projectId={projectId} books={books} onStarted={refresh} />
      <ExportList exports={exports} onChange={refresh} />
    </div>
  );
}
