import Link from 'next/link';
import { listProjects } from '@/lib/ingest/list-projects.ts';
import { NewProjectForm } from '@/components/new-project-form.tsx';
import { AdminOnly } from '@/components/auth/admin-only.tsx';
import { getPageUser } from '@/components/auth/page-user.ts';
import { MyChapters } from '@/components/review/my-chapters.tsx';
import { listMyChapters } from '@/lib/review/list-my-chapters.ts';

export const dynamic = 'force-dynamic';

export default async function ProjectsPage() {
  const user = await getPageUser();
  const [projects, mine] = await Promise.all([listProjects(), user ? listMyChapters({ userId: user.id }) : []]);
  return (
    <div className="space-y-6">
      {/* a reviewer's work first; an admin sees it only when someone gave them chapters */}
      {user && (user.role !== 'admin' || mine.length > 0) && <MyChapters chapters={mine} />}
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
