import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTestEnv } from '../testing/use-test-env.ts';
import { getDb } from '../db/client.ts';
import { catchAppErrorAsync } from '../testing/catch-app-error.ts';
import { getAuth } from './auth.ts';
import { createUser } from './create-user.ts';
import { ensureFirstAdmin, FIRST_ADMIN_EMAIL } from './ensure-first-admin.ts';
import { listUsers } from './list-users.ts';
import { requireUser } from './require-user.ts';
import { setUserRole } from './set-user-role.ts';
import { signIn } from './sign-in.ts';

const withCookie = (cookie: string) => new Headers({ cookie, host: 'localhost:3000' });

describe('users and sessions (better-auth + Prisma)', () => {
  const env = useTestEnv();

  it('creates users whose password is hashed by better-auth, and refuses a duplicate', async () => {
    const admin = await createUser({ email: 'Ana@Example.org', password: 'correct horse 1', role: 'admin' });
    expect(admin).toMatchObject({ email: 'ana@example.org', role: 'admin', created: true });
    const account = await getDb().account.findFirstOrThrow({ where: { userId: admin.id } });
    expect(account.providerId).toBe('credential');
    expect(account.password).toBeTruthy();
    expect(account.password).not.toContain('correct horse');
    const dup = await catchAppErrorAsync(createUser({ email: 'ana@example.org', password: 'another one 2' }));
    expect(dup.code).toBe('CONFLICT');
    await expect(createUser({ email: 'x@example.org', password: 'short' })).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('at least 10 characters') });
  });

  it('signs in through better-auth; the session cookie resolves to the user, with role checks', async () => {
    const reviewer = await createUser({ email: 'rosa@example.org', password: 'reviewer pass 1', role: 'reviewer' });
    const { cookie, userId } = await signIn('rosa@example.org', 'reviewer pass 1');
    expect(userId).toBe(reviewer.id);
    expect(cookie).toMatch(/better-auth\.session_token=/);
    // the session is a database row
    expect(await getDb().session.count({ where: { userId } })).toBe(1);

    const user = await requireUser(withCookie(cookie));
    expect(user).toMatchObject({ id: reviewer.id, email: 'rosa@example.org', role: 'reviewer' });
    const forbidden = await catchAppErrorAsync(requireUser(withCookie(cookie), 'admin'));
    expect(forbidden.code).toBe('FORBIDDEN');
    expect(forbidden.httpStatus).toBe(403);

    const { cookie: adminCookie } = await signIn('ana@example.org', 'correct horse 1');
    expect((await requireUser(withCookie(adminCookie), 'admin')).role).toBe('admin');

    expect((await catchAppErrorAsync(requireUser(new Headers()))).code).toBe('UNAUTHENTICATED');
    expect((await catchAppErrorAsync(requireUser(withCookie('better-auth.session_token=forged.value')))).httpStatus).toBe(401);
    expect((await catchAppErrorAsync(signIn('rosa@example.org', 'wrong password'))).code).toBe('UNAUTHENTICATED');

    // signing out deletes the session: the cookie no longer works
    await getAuth().api.signOut({ headers: withCookie(cookie) });
    expect((await catchAppErrorAsync(requireUser(withCookie(cookie)))).code).toBe('UNAUTHENTICATED');
  });

  it('has no public sign-up, and no way for a user to make themselves admin', async () => {
    const handler = getAuth().handler;
    const signUp = await handler(
      new Request('http://localhost:3000/api/auth/sign-up/email', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'http://localhost:3000' },
        body: JSON.stringify({ email: 'eve@example.org', password: 'eve password 1', name: 'Eve', role: 'admin' }),
      }),
    );
    expect(signUp.status).toBe(404);
    expect(await getDb().user.count({ where: { email: 'eve@example.org' } })).toBe(0);

    const { cookie } = await signIn('rosa@example.org', 'reviewer pass 1');
    const update = await handler(
      new Request('http://localhost:3000/api/auth/update-user', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'http://localhost:3000', cookie },
        body: JSON.stringify({ role: 'admin' }),
      }),
    );
    expect(update.ok).toBe(false);
    expect((await getDb().user.findUniqueOrThrow({ where: { email: 'rosa@example.org' } })).role).toBe('reviewer');

    // sign-in over HTTP works and sets the cookie
    const res = await handler(
      new Request('http://localhost:3000/api/auth/sign-in/email', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'http://localhost:3000' },
        body: JSON.stringify({ email: 'rosa@example.org', password: 'reviewer pass 1' }),
      }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie().join()).toMatch(/better-auth\.session_token=.*HttpOnly/i);

    // the origin must be the host the browser asked for (Next may hand the handler another request.url)
    const signInFrom = (origin: string) =>
      handler(
        new Request('http://localhost:3000/api/auth/sign-in/email', {
          method: 'POST',
          headers: { 'content-type': 'application/json', host: 'studio.lan:3100', origin },
          body: JSON.stringify({ email: 'rosa@example.org', password: 'reviewer pass 1' }),
        }),
      );
    expect((await signInFrom('http://studio.lan:3100')).status).toBe(200);
    expect((await signInFrom('http://evil.example')).status).toBe(403);
  });

  it('changes roles but never demotes the last admin; --update resets a password and signs out', async () => {
    const users = await listUsers();
    const rosa = users.find((u) => u.email === 'rosa@example.org')!;
    const ana = users.find((u) => u.email === 'ana@example.org')!;
    expect(rosa.hasPassword).toBe(true);
    expect((await catchAppErrorAsync(setUserRole({ userId: ana.id, role: 'reviewer' }))).code).toBe('CONFLICT');
    expect((await setUserRole({ userId: rosa.id, role: 'admin' })).role).toBe('admin');
    expect((await setUserRole({ userId: ana.id, role: 'reviewer' })).role).toBe('reviewer');
    await setUserRole({ userId: ana.id, role: 'admin' });
    await setUserRole({ userId: rosa.id, role: 'reviewer' });

    const { cookie } = await signIn('rosa@example.org', 'reviewer pass 1');
    await createUser({ email: 'rosa@example.org', password: 'a new password', role: 'reviewer', update: true });
    expect((await catchAppErrorAsync(requireUser(withCookie(cookie)))).code).toBe('UNAUTHENTICATED');
    expect((await catchAppErrorAsync(signIn('rosa@example.org', 'reviewer pass 1'))).code).toBe('UNAUTHENTICATED');
    await signIn('rosa@example.org', 'a new password');
  });

  it('first start: an admin@alinea.local row without a password gets a random one, written to a 600 file, once', async () => {
    // as the demo seed made it before sign-in existed; demote the others so that no admin can sign in
    await getDb().user.create({ data: { email: FIRST_ADMIN_EMAIL, name: 'Admin', role: 'admin' } });
    await getDb().user.updateMany({ where: { email: { not: FIRST_ADMIN_EMAIL } }, data: { role: 'reviewer' } });
    const first = await ensureFirstAdmin();
    expect(first).toMatchObject({ email: FIRST_ADMIN_EMAIL, file: path.join(env.dataDir, 'first-admin.txt') });
    expect(first!.password.length).toBeGreaterThanOrEqual(16);
    expect(await readFile(first!.file, 'utf8')).toContain(first!.password);
    expect((await stat(first!.file)).mode & 0o777).toBe(0o600);
    const { cookie } = await signIn(FIRST_ADMIN_EMAIL, first!.password);
    expect((await requireUser(withCookie(cookie), 'admin')).email).toBe(FIRST_ADMIN_EMAIL);
    expect(await ensureFirstAdmin()).toBeNull();
  });

  it('keeps the generated auth secret in the data directory (mode 600)', async () => {
    const file = path.join(env.dataDir, 'auth-secret');
    expect((await readFile(file, 'utf8')).trim().length).toBeGreaterThanOrEqual(32);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });
});
