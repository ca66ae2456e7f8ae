'use client';
// The 404 of a page whose chapter, book, run or project does not exist (or of a path nothing serves): says what
// was not found, by its id, and links back to where to look for it. A client component only to read the id
// from the URL (not-found files get no props).
import Link from 'next/link';
import { useParams, usePathname } from 'next/navigation';

export function NotFoundMessage({ what, param, back }: { what: string; param?: string; back: { href: string; label: string } }) {
  const params = useParams<Record<string, string>>();
  const pathname = usePathname();
  const id = param ? params?.[param] : undefined;
  return (
    <div className="max-w-2xl space-y-3">
      <p className="text-sm font-medium text-slate-500">404 · not found</p>
      <h1 className="text-2xl font-semibold">{what} not found</h1>
      <p className="text-slate-700">
        {id ? (
          <>There is no {what.toLowerCase()} with the id <code className="rounded bg-slate-100 px-1 text-sm">{decodeURIComponent(id)}</code>: it was deleted, or the link is mistyped.</>
        ) : (
          <>Nothing lives at <code className="rounded bg-slate-100 px-1 text-sm">{pathname}</code>.</>
        )}
      </p>
      <Link href={back.href} className="inline-block font-medium text-indigo-700 hover:underline">← {back.label}</Link>
    </div>
  );
}
