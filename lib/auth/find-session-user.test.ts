// The one-statement session lookup: the same user as better-auth's getSession, and no answer of its own where
// better-auth has something to decide or write (sign-out, expiry, the sliding refresh, a bad signature).
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestEnv } from '../testing/use-test-env.ts';
import { getDb } from '../db/client.ts';
import { getAuth } from './auth.ts';
import { createUser } from './create-user.ts';
import { signIn } from './sign-in.ts';
import { findSessionUser } from './find-session-user.ts';
import { getSessionUser } from './require-user.ts';

useTestEnv();
const withCookie = (cookie: string) => new Headers({ cookie, host: 'localhost:3000' });
const DAY = 24 * 60 * 60 * 1000;

// statements, counted at the driver (SQLite)
const require = createRequire(import.meta.url);
const Database = require('better-sqlite3') as { prototype: { prepare: (...a: unknown[]) => unknown } };
let statements = 0;
const prepare = Database.prototype.prepare;
Database.prototype.prepare = function (this: unknown, ...a: unknown[]) {
  statements++;
  return prepare.apply(this, a);
};

let userId = '';
beforeAll(async () => {
  userId = (await createUser({ email: 'lu@example.org', password: 'lu reviews a lot', role: 'reviewer' })).id;
});

describe('findSessionUser', () => {
  it('finds the same user as better-auth, in one statement', async () => {
    const { cookie } = await signIn('lu@example.org', 'lu reviews a lot');
    const expected = (await getAuth().api.getSession({ headers: withCookie(cookie) }))!.user;
    await findSessionUser(withCookie(cookie)); // the signature check, once per cookie
    statements = 0;
    const found = await findSessionUser(withCookie(cookie));
    expect(statements).toBe(1);
    expect(found).toEqual(expected);
    expect(found).toMatchObject({ id: userId, email: 'lu@example.org', role: 'reviewer' });
    // other cookies around it, and the cookie quoted, change nothing
    expect(await findSessionUser(withCookie(`theme=dark; ${cookie.replace('=', '="')}"; other=1`))).toEqual(expected);
  });

  it('signed out (on any server: the row is gone): no user, from the next request on', async () => {
    const { cookie } = await signIn('lu@example.org', 'lu reviews a lot');
    expect(await getSessionUser(withCookie(cookie))).toMatchObject({ id: userId });
    await getAuth().api.signOut({ headers: withCookie(cookie) });
    expect(await findSessionUser(withCookie(cookie))).toBeUndefined();
    expect(await getSessionUser(withCookie(cookie))).toBeNull();
  });

  it('a bad signature, a token without one, no cookie: no answer, and no user', async () => {
    const { cookie } = await signIn('lu@example.org', 'lu reviews a lot');
    const [name, value] = cookie.split('=') as [string, string];
    const decoded = decodeURIComponent(value);
    const token = decoded.slice(0, decoded.lastIndexOf('.'));
    const forged = `${name}=${encodeURIComponent(`${token}.${'A'.repeat(43)}=`)}`;
    for (const headers of [withCookie(forged), withCookie(`${name}=${token}`), new Headers()]) {
      expect(await findSessionUser(headers)).toBeUndefined();
      expect(await getSessionUser(headers)).toBeNull();
    }
  });

  it('expired: left to better-auth, which refuses it and deletes the row', async () => {
    const { cookie } = await signIn('lu@example.org', 'lu reviews a lot');
    const session = await getDb().session.findFirstOrThrow({ where: { userId }, orderBy: { createdAt: 'desc' } });
    await getDb().session.update({ where: { id: session.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await findSessionUser(withCookie(cookie))).toBeUndefined();
    expect(await getSessionUser(withCookie(cookie))).toBeNull();
    expect(await getDb().session.count({ where: { id: session.id } })).toBe(0);
  });

  it('due for the sliding refresh (older than a day): left to better-auth, which extends it', async () => {
    const { cookie } = await signIn('lu@example.org', 'lu reviews a lot');
    const session = await getDb().session.findFirstOrThrow({ where: { userId }, orderBy: { createdAt: 'desc' } });
    const old = new Date(Date.now() + 12 * DAY); // 14-day sessions, refreshed once a day: two days old
    await getDb().session.update({ where: { id: session.id }, data: { expiresAt: old } });
    expect(await findSessionUser(withCookie(cookie))).toBeUndefined();
    expect(await getSessionUser(withCookie(cookie))).toMatchObject({ id: userId });
    const refreshed = await getDb().session.findUniqueOrThrow({ where: { id: session.id } });
    expect(refreshed.expiresAt.getTime()).toBeGreaterThan(Date.now() + 13.9 * DAY);
    // and from then on the one-statement path answers again
    expect(await findSessionUser(withCookie(cookie))).toMatchObject({ id: userId });
  });
});
