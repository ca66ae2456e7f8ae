// better-auth: email + password accounts and database sessions (Session rows) through its Prisma adapter.
// Public sign-up is off (the /sign-up/email endpoint answers 404); admins create users with createUser.
import { betterAuth } from 'better-auth';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { getAuthSecret, getConfig } from '../config/env.ts';
import { getDb, type Db } from '../db/client.ts';

function createAuth(db: Db) {
  const config = getConfig();
  return betterAuth({
    appName: 'Alinea',
    database: prismaAdapter(db, { provider: config.isPostgres ? 'postgresql' : 'sqlite' }),
    secret: getAuthSecret(),
    // unset: the origin of each request (the studio is often reached as localhost, 127.0.0.1 or a LAN name)
    baseURL: config.authUrl,
    // Sign-in and sign-out must come from a page of this site (better-auth checks Origin). Without a configured
    // URL, "this site" is the host the browser asked for (the Host header; Next's request.url may differ).
    trustedOrigins: config.authUrl ? [] : (request) => sameHostOrigins(request),
    emailAndPassword: { enabled: true, minPasswordLength: 8, maxPasswordLength: 128 },
    disabledPaths: ['/sign-up/email'],
    user: {
      additionalFields: {
        // input: false: no endpoint (sign-up, update-user) lets a user set their own role
        role: { type: 'string', required: false, defaultValue: 'reviewer', input: false },
      },
    },
    session: { expiresIn: 60 * 60 * 24 * 14, updateAge: 60 * 60 * 24 },
    // default is 3 sign-ins per 10 s per address; a room of reviewers behind one address needs a little more
    rateLimit: { customRules: { '/sign-in/email': { window: 60, max: 10 } } },
    // Secure cookies only where the studio is served over HTTPS (it often runs on plain http://localhost)
    // disableOriginCheck: false also under test runners (better-auth skips the check there by default)
    advanced: { useSecureCookies: config.authUrl?.startsWith('https://') ?? false, disableOriginCheck: false },
    telemetry: { enabled: false },
    logger: {
      log(level, message, ...args) {
        // deriving the origin from each request is intended here (see baseURL): not worth a warning per process
        if (message.includes('Base URL is not set')) return;
        (level === 'error' ? console.error : level === 'warn' ? console.warn : console.log)(`[auth] ${message}`, ...args);
      },
    },
  });
}

function sameHostOrigins(request: Request | undefined): string[] {
  const host = request?.headers.get('host');
  return host ? [`http://${host}`, `https://${host}`] : [];
}

export type Auth = ReturnType<typeof createAuth>;
export type SessionUser = Auth['$Infer']['Session']['user'];

const globalForAuth = globalThis as unknown as { alineaAuth?: { db: Db; auth: Auth } };

/** The auth instance of this process, built on first use (not at import: `next build` loads route modules). */
export function getAuth(): Auth {
  const db = getDb();
  if (globalForAuth.alineaAuth?.db !== db) globalForAuth.alineaAuth = { db, auth: createAuth(db) };
  return globalForAuth.alineaAuth.auth;
}
