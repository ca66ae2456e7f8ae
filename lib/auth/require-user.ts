// The signed-in user of a request (from better-auth's session cookie), or UNAUTHENTICATED / FORBIDDEN.
import { AppError } from '../errors/app-error.ts';
import { getAuth, type SessionUser } from './auth.ts';
import { findSessionUser } from './find-session-user.ts';
import { hasRole, type Role } from './roles.ts';

export async function getSessionUser(source: Request | Headers): Promise<SessionUser | null> {
  const headers = source instanceof Headers ? source : source.headers;
  // one statement in the common case; better-auth decides (and refreshes, or deletes an expired row) otherwise
  const found = await findSessionUser(headers);
  if (found) return found;
  const session = await getAuth().api.getSession({ headers });
  return session?.user ?? null;
}

/** The user behind the request, who must have `role` (default reviewer: any signed-in user). */
export async function requireUser(source: Request | Headers, role: Role = 'reviewer'): Promise<SessionUser> {
  const user = await getSessionUser(source);
  if (!user) throw new AppError('UNAUTHENTICATED', 'You are not signed in (or your session expired): sign in at /sign-in and try again.');
  if (!hasRole(user.role, role)) {
    throw new AppError('FORBIDDEN', `This needs the ${role} role; you are signed in as ${user.email} (${user.role}). Ask an admin.`, {
      role: user.role,
      needed: role,
    });
  }
  return user;
}
