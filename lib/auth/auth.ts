// better-auth: email + password accounts and database sessions (Session rows) through its Prisma adapter.
// Public sign-up is off (the /sign-up/email endpoint answers 404); admins create users with createUser.
import { betterAuth } from 'better-auth';
import { APIError, createAuthMiddleware, isAPIError } from 'better-auth/api';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { getAuthSecret, getConfig } from '../config/env.ts';
import { getDb, type Db } from '../db/client.ts';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, passwordProblem } from './password-policy.ts';
import { getSignInBackoff } from './sign-in-backoff.ts';

const SIGN_IN = '/sign-in/email';

function emailOf(body: unknown): string | null {
  const email = (body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' ? email : null;
}

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
    emailAndPassword: { enabled: true, minPasswordLength: MIN_PASSWORD_LENGTH, maxPasswordLength: MAX_PASSWORD_LENGTH },
    disabledPaths: ['/sign-up/email'],
    user: {
      additionalFields: {
        // input: false: no endpoint (sign-up, update-user) lets a user set their own role
        role: { type: 'string', required: false, defaultValue: 'reviewer', input: false },
      },
    },
    session: { expiresIn: 60 * 60 * 24 * 14, updateAge: 60 * 60 * 24 },
    // Per address (only where the address can be known: behind ALINEA_TRUST_PROXY, X-Forwarded-For stripped of
    // the trusted proxies from the right; otherwise any client writes that header, so there is no address to key
    // on). Default is 3 sign-ins per 10 s; a room of reviewers behind one address needs a little more. Each
    // account has its own backoff besides (hooks below).
    rateLimit: { customRules: { [SIGN_IN]: { window: 60, max: 10 } } },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        // a password a user sets for themselves meets the same policy as one an admin sets (createUser)
        const newPassword = (ctx.body as { newPassword?: unknown } | undefined)?.newPassword;
        if (typeof newPassword === 'string') {
          const problem = passwordProblem(newPassword);
          if (problem) throw new APIError('BAD_REQUEST', { message: problem, code: 'WEAK_PASSWORD' });
        }
        const email = ctx.path === SIGN_IN ? emailOf(ctx.body) : null;
        if (!email) return;
        const wait = getSignInBackoff().attempt(email);
        if (wait > 0) {
          const minutes = Math.ceil(wait / 60);
          throw new APIError(
            'TOO_MANY_REQUESTS',
            { message: `Too many failed sign-ins for ${email}: try again in ${minutes} minute${minutes === 1 ? '' : 's'}, or ask an admin to set a new password.`, code: 'TOO_MANY_ATTEMPTS' },
            { 'Retry-After': String(wait) },
          );
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        const email = ctx.path === SIGN_IN ? emailOf(ctx.body) : null;
        if (email && ctx.context.newSession && !isAPIError(ctx.context.returned)) getSignInBackoff().succeeded(email);
      }),
    },
    advanced: {
      // Secure cookies only where the studio is served over HTTPS (it often runs on plain http://localhost)
      useSecureCookies: config.authUrl?.startsWith('https://') ?? false,
      // disableOriginCheck: false also under test runners (better-auth skips the check there by default)
      disableOriginCheck: false,
      ipAddress: config.trustedProxies.length > 0 ? { ipAddressHeaders: ['x-forwarded-for'], trustedProxies: config.trustedProxies } : { disableIpTracking: true },
    },
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
