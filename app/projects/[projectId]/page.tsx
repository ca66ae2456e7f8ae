import Link from 'next/link';
import { notFound } from 'next/navigation';
import { findProject } from '@/lib/ingest/find-project.ts';
import { listProjectBooks } from '@/lib/ingest/list-projects.ts';
import { NewBookForm } from '@/components/new-book-form.tsx';
import { AdminOnly } from '@/components/auth/admin-only.tsx';
import { StatusBadge } from '@/components/ui/status-badge.tsx';

export const dynamic = 'force-dynamic';

export default async function ProjectPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const project = await findProject(projectId);
  if (!project) notFound();
  const books = await listProjectBooks(projectId);
  return (
    <div className="space-y-6">
      <div>
        <Link href="/" className="text-sm text-slate-500 hover:underline">Projects</Link>
        <div className="flex items-center justify-between">
          <h1 className="text-2xl font-semibold">{project.name}</h1>
          <AdminOnly><Link href={`/projects/${projectId}/export`} className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50">Export</Link></AdminOnly>
        </div>
      </div>
      <section>
        <div className="mb-2 flex items-center gap-3">
          <h2 className="text-lg font-semibold">Books</h2>
          {books.length > 0 && (
            <Link href={`/projects/${projectId}/review`} className="text-sm text-indigo-700 hover:underline">
              Review queue and progress
            </Link>
          )}
        </div>
        {books.length === 0 ? (
          <p className="text-slate-600">No books yet.</p>
        ) : (
          <table className="w-full rounded border border-slate-200 bg-white text-sm">
            <thead className="bg-slate-100 text-left">
              <tr><th className="px-3 py-2">Title</th><th>Author</th><th>Audio files</th><th>Ebook</th><th>Split</th><th>Chapters</th></tr>
            </thead>
            <tbody>
              {books.map((b) => (
                <tr key={b.id} className="border-t border-slate-200">
                  <td className="px-3 py-2"><Link className="font-medium text-indigo-700 hover:underline" href={`/books/${b.id}`}>{b.title}</Link></td>
                  <td>{b.author ?? '—'}</td>
                  <td>{b.audioFiles}</td>
                  <td><StatusBadge status={b.ebookStatus} /></td>
                  <td><StatusBadge status={b.splitStatus} /></td>
                  <td>{b.chapters}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <AdminOnly><NewBookForm projectId={projectId} /></AdminOnly>
    </div>
  );
}
