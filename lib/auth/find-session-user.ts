// The signed-in user of a request in one database statement, for the common case: a validly signed session cookie
// whose Session row exists and is not due for better-auth's sliding refresh. Anything else (no cookie, a bad
// signature, no such row, an expired session, one to refresh, a "don't remember me" session) answers `undefined`:
// the caller asks better-auth, which decides and does the writes (refresh, deleting an expired row) as before.
// Nothing about the session is cached: sign-out or expiry on any server holds from the next request on. Only the
// cookie's HMAC check is remembered (a pure function of the cookie and the secret), per auth instance.
// better-auth's own lookup takes two statements (the session, then its user) and an HMAC per request.
import { getDb } from '../db/client.ts';
import { getAuth, type Auth, type SessionUser } from './auth.ts';

type AuthContext = Awaited<Auth['$context']>;

/** Verified cookie value → session token, per auth instance (its secret); cleared when it grows past MAX. */
const verified = new WeakMap<Auth, Map<string, string>>();
const MAX_VERIFIED = 10_000;
const encoder = new TextEncoder();

/** Like better-call's cookie parser: the first cookie of that name, quotes stripped, URL-decoded. */
function readCookie(header: string, name: string): string | null {
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    let value = part.slice(eq + 1).trim();
    if (value.codePointAt(0) === 34) value = value.slice(1, -1);
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return null;
}

/** The session token of a signed cookie value (`<token>.<base64 HMAC-SHA256>`, as better-call signs it), or null. */
async function verifiedToken(auth: Auth, ctx: AuthContext, value: string): Promise<string | null> {
  let cache = verified.get(auth);
  if (!cache) verified.set(auth, (cache = new Map()));
  const known = cache.get(value);
  if (known !== undefined) return known;
  const dot = value.lastIndexOf('.');
  if (dot < 1) return null;
  const token = value.slice(0, dot);
  const signature = value.slice(dot + 1);
  if (signature.length !== 44 || !signature.endsWith('=')) return null;
  let ok = false;
  try {
    const key = await crypto.subtle.importKey('raw', encoder.encode(ctx.secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
    ok = await crypto.subtle.verify('HMAC', key, Buffer.from(signature, 'base64'), encoder.encode(token));
  } catch {
    ok = false;
  }
  if (!ok) return null;
  if (cache.size >= MAX_VERIFIED) cache.clear();
  cache.set(value, token);
  return token;
}

export async function findSessionUser(headers: Headers): Promise<SessionUser | undefined> {
  const cookieHeader = headers.get('cookie');
  if (!cookieHeader) return undefined;
  const auth = getAuth();
  const ctx = await auth.$context;
  if (readCookie(cookieHeader, ctx.authCookies.dontRememberToken.name) !== null) return undefined;
  const value = readCookie(cookieHeader, ctx.authCookies.sessionToken.name);
  if (!value) return undefined;
  const token = await verifiedToken(auth, ctx, value);
  if (!token) return undefined;
  const { expiresIn, updateAge } = ctx.sessionConfig;
  // better-auth refreshes a session once expiresAt − expiresIn + updateAge has passed: until then it only reads
  const refreshFrom = new Date(Date.now() + Math.max(0, expiresIn - updateAge) * 1000);
  const user = await getDb().user.findFirst({
    where: { sessions: { some: { token, expiresAt: { gt: refreshFrom } } } },
    select: { id: true, email: true, name: true, emailVerified: true, image: true, role: true, createdAt: true, updatedAt: true },
  });
  return (user as SessionUser | null) ?? undefined;
}
