import Link from 'next/link';
import { notFound } from 'next/navigation';
import { findProject } from '@/lib/ingest/find-project.ts';
import { listExportBooks } from '@/lib/export/list-export-books.ts';
import { listExports } from '@/lib/export/list-exports.ts';
import { ExportPanel } from '@/components/export/export-panel.tsx';
import { AdminOnly, NeedsAdmin } from '@/components/auth/admin-only.tsx';

export const dynamic = 'force-dynamic';

export default async function ExportPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const project = await findProject(projectId);
  if (!project) notFound();
  const [books, exports] = await Promise.all([listExportBooks(projectId), listExports(projectId)]);
  return (
    <div className="space-y-6">
      <div>
        <Link href={`/projects/${projectId}`} className="text-sm text-slate-500 hover:underline">{project.name}</Link>
        <h1 className="text-2xl font-semibold">Export corpus</h1>
        <p className="text-sm text-slate-600">TFRecord shards, LibriSpeech-style FLAC folders and JSONL manifests of the reviewed fragments.</p>
      </div>
      <AdminOnly fallback={<NeedsAdmin what="Exporting a corpus" />}>
        <ExportPanel projectId={projectId} books={books} initialExports={exports} />
      </AdminOnly>
    </div>
  );
}
