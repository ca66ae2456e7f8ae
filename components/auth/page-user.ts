// Server side: the signed-in user of the page being rendered (proxy.ts already sent signed-out visitors to
// /sign-in). Cached per request, so the layout and the page share one session lookup.
import { headers } from 'next/headers';
import { cache } from 'react';
import { getSessionUser } from '@/lib/auth/require-user.ts';
import { hasRole, type Role } from '@/lib/auth/roles.ts';

export type PageUser = { id: string; email: string; name: string | null; role: string };

export const getPageUser = cache(async (): Promise<PageUser | null> => {
  const user = await getSessionUser(await headers());
  return user ? { id: user.id, email: user.email, name: user.name ?? null, role: user.role ?? 'reviewer' } : null;
});

export async function pageUserHasRole(role: Role): Promise<boolean> {
  return hasRole((await getPageUser())?.role, role);
}
