import Link from 'next/link';
import { listProjects } from '@/lib/ingest/list-projects.ts';
import { NewProjectForm } from '@/components/new-project-form.tsx';
import { AdminOnly } from '@/components/auth/admin-only.tsx';

export const dynamic = 'force-dynamic';

export default async function ProjectsPage() {
  const projects = await listProjects();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Projects</h1>
      <AdminOnly><NewProjectForm /></AdminOnly>
      {projects.length === 0 ? (
        <p className="text-slate-600">No projects yet. Create one, then upload an audiobook and its ebook.</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded border border-slate-200 bg-white">
          {projects.map((p) => (
            <li key={p.id} className="flex items-center justify-between px-4 py-3">
              <Link href={`/projects/${p.id}`} className="font-medium text-indigo-700 hover:underline">
                {p.name}
              </Link>
              <span className="text-sm text-slate-500">
                {p.language} · {p.books} {p.books === 1 ? 'book' : 'books'}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
