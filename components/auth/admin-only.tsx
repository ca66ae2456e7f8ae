// Renders its children for admins only; others see `fallback` (e.g. <NeedsAdmin />) or nothing.
import { pageUserHasRole } from './page-user.ts';

export async function AdminOnly({ children, fallback = null }: { children: React.ReactNode; fallback?: React.ReactNode }) {
  return (await pageUserHasRole('admin')) ? <>{children}</> : <>{fallback}</>;
}

export function NeedsAdmin({ what }: { what: string }) {
  return (
    <p role="alert" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
      {what} needs an admin. You are signed in as a reviewer: ask an admin to do it, or to make you admin on the Users page.
    </p>
  );
}
