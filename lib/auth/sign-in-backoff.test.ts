import { getIP } from 'better-auth/api';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useTestEnv } from '../testing/use-test-env.ts';
import { resetConfigForTests } from '../config/env.ts';
import { getAuth } from './auth.ts';
import { createUser } from './create-user.ts';
import { SignInBackoff } from './sign-in-backoff.ts';

describe('SignInBackoff', () => {
  it('lets 5 failures through, then waits 1, 2, 4 … minutes (at most 15); a success or a quiet window clears it', () => {
    let t = 0;
    const b = new SignInBackoff({ now: () => t });
    for (let i = 0; i < 5; i++) expect(b.attempt('Ana@x.org')).toBe(0);
    expect(b.attempt('ana@x.org')).toBe(60);
    t += 30_000;
    expect(b.attempt('ana@x.org')).toBe(30); // refused attempts do not count
    t += 30_000;
    expect(b.attempt('ana@x.org')).toBe(0); // the 6th failure
    expect(b.attempt('ana@x.org')).toBe(120);
    t += 120_000;
    expect(b.attempt('ana@x.org')).toBe(0); // 7th
    expect(b.attempt('ana@x.org')).toBe(240);
    expect(b.attempt('rosa@x.org')).toBe(0); // other accounts are not affected
    b.succeeded('ANA@x.org');
    expect(b.attempt('ana@x.org')).toBe(0);

    const capped = new SignInBackoff({ now: () => t });
    for (let i = 0; i < 12; i++) {
      capped.attempt('c@x.org');
      t += 16 * 60_000;
    }
    t -= 16 * 60_000;
    // waits never exceed 15 minutes; after 15 quiet minutes past the wait, the count starts again
    expect(capped.attempt('c@x.org')).toBeLessThanOrEqual(15 * 60);
  });
});

describe('sign-in throttling through better-auth', () => {
  useTestEnv();
  afterEach(() => {
    vi.useRealTimers();
    delete process.env.ALINEA_TRUST_PROXY;
    resetConfigForTests();
  });
  const signIn = (password: string, i: number) =>
    getAuth().handler(
      new Request('http://localhost:3000/api/auth/sign-in/email', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'http://localhost:3000', 'x-forwarded-for': `203.0.113.${i % 250}` },
        body: JSON.stringify({ email: 'ana@example.org', password }),
      }),
    );

  it('20 wrong passwords from "changing addresses" end in 429 with Retry-After; the right one works after the wait', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    await createUser({ email: 'ana@example.org', password: 'the right password', role: 'admin' });
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 20; i++) {
      last = await signIn(`wrong password ${i}`, i);
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5).every((s) => s === 429)).toBe(true);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await last!.json()) as { message: string }).message).toMatch(/Too many failed sign-ins for ana@example.org: try again in 1 minute/);
    // while it waits, even the right password is refused (it is not even checked)
    expect((await signIn('the right password', 99)).status).toBe(429);

    vi.setSystemTime(Date.now() + 61_000);
    const ok = await signIn('the right password', 100);
    expect(ok.status).toBe(200);
    // the success cleared the count
    for (let i = 0; i < 5; i++) expect((await signIn('wrong again', i)).status).toBe(401);
  });

  it('believes X-Forwarded-For only from ALINEA_TRUST_PROXY', async () => {
    const req = new Request('http://localhost:3000/', { headers: { 'x-forwarded-for': '6.6.6.6, 198.51.100.7, 10.0.0.2' } });
    expect(getIP(req, getAuth().options)).toBeNull();
    process.env.ALINEA_TRUST_PROXY = '10.0.0.0/8';
    resetConfigForTests();
    // a new auth instance for the new settings (getAuth keeps one per process)
    const held = globalThis as unknown as { alineaAuth?: unknown };
    held.alineaAuth = undefined;
    try {
      // the chain is stripped of trusted proxies from the right: the client's own header entries are ignored
      expect(getIP(req, getAuth().options)).toBe('198.51.100.7');
    } finally {
      held.alineaAuth = undefined;
    }
  });
});
