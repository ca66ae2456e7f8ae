// The web edge against a hostile page and hostile bodies: cross-origin requests that change something (a form
// post with text/plain, a no-cors fetch, another localhost port) are 403 and change nothing; a body that is not
// JSON or an upload type is 415; a body over its cap is 413 without being read whole.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '@/lib/auth/create-user.ts';
import { getAuth } from '@/lib/auth/auth.ts';
import { signIn } from '@/lib/auth/sign-in.ts';
import { resetConfigForTests } from '@/lib/config/env.ts';
import { getDb } from '@/lib/db/client.ts';
import { useTestEnv } from '@/lib/testing/use-test-env.ts';
import * as projects from '../projects/route.ts';
import * as audio from '../books/[bookId]/audio/route.ts';
import * as syncmap from '../chapters/[chapterId]/syncmap/route.ts';
import * as authRoute from '../auth/[...all]/route.ts';
import { assertSameOrigin } from './check-origin.ts';
import { readJson } from './handle-route.ts';
import { readBodyBytes } from './request-stream.ts';

const params = <T>(p: T) => ({ params: Promise.resolve(p) });
const SITE = 'http://localhost:3000';
let cookie = '';
const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;
let made = 0;
const createProject = (headers: Record<string, string>, body = JSON.stringify({ name: `Project ${++made}` })) =>
  projects.POST(new Request(`${SITE}/api/projects`, { method: 'POST', body, headers: { host: 'localhost:3000', cookie, ...headers } }), params({}));

/** A body stream that would yield `total` bytes in 64 KB chunks, counting how many it was asked for. */
function countingBody(total: number) {
  const state = { pulled: 0, cancelled: false };
  const chunk = new Uint8Array(65536).fill(0x20);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled >= total) return controller.close();
      state.pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { stream, state };
}

describe('web edge: origin, body types, body size', () => {
  useTestEnv();
  beforeAll(async () => {
    await createUser({ email: 'admin@example.org', password: 'admin password', role: 'admin' });
    cookie = (await signIn('admin@example.org', 'admin password')).cookie;
  });
  afterEach(() => {
    delete process.env.ALINEA_AUTH_URL;
    delete process.env.ALINEA_TRUST_PROXY;
    resetConfigForTests();
  });

  it('a page on another port cannot create a project with the admin\'s cookie (form post, no-cors fetch)', async () => {
    // <form enctype="text/plain" method="post" action="http://localhost:3000/api/projects"> on localhost:4000
    const form = await createProject({ origin: 'http://localhost:4000', 'sec-fetch-site': 'same-site', 'sec-fetch-mode': 'navigate', 'content-type': 'text/plain' });
    expect(form.status).toBe(403);
    expect(await errorOf(form)).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('another site (http://localhost:4000)') });
    // fetch(url, { method: 'POST', mode: 'no-cors', credentials: 'include', body }) from another site
    const noCors = await createProject({ origin: 'http://evil.example', 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors', 'content-type': 'text/plain;charset=UTF-8' });
    expect(noCors.status).toBe(403);
    // a sandboxed iframe or a redirect sends Origin: null
    expect((await createProject({ origin: 'null', 'content-type': 'application/json' })).status).toBe(403);
    // no Origin: the fetch metadata or the referer decide; with nothing, refused
    expect((await createProject({ 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' })).status).toBe(403);
    expect((await createProject({ referer: 'http://evil.example/x', 'content-type': 'application/json' })).status).toBe(403);
    expect((await createProject({ 'content-type': 'application/json' })).status).toBe(403);
    expect(await getDb().project.count()).toBe(0);

    // the studio's own pages
    expect((await createProject({ origin: SITE, 'content-type': 'application/json' })).status).toBe(200);
    expect((await createProject({ 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' })).status).toBe(200);
    expect((await createProject({ referer: `${SITE}/projects`, 'content-type': 'application/json' })).status).toBe(200);
    expect(await getDb().project.count()).toBe(3);
  });

  it('the origin is the host the browser asked for, the configured public URL, or a trusted proxy\'s forwarded host', () => {
    const post = (url: string, headers: Record<string, string>) => new Request(url, { method: 'POST', headers });
    // Next may hand the handler a request.url of another host: the Host header counts
    expect(() => assertSameOrigin(post('http://localhost:3000/api/x', { host: 'studio.lan:3100', origin: 'http://studio.lan:3100' }))).not.toThrow();
    expect(() => assertSameOrigin(post('http://localhost:3000/api/x', { host: 'studio.lan:3100', origin: 'http://studio.lan:3101' }))).toThrow(/another site/);
    // safe methods are never checked
    expect(() => assertSameOrigin(new Request('http://localhost:3000/api/x', { headers: { origin: 'http://evil.example' } }))).not.toThrow();

    const behindProxy = { host: '127.0.0.1:3000', origin: 'https://alinea.example.org', 'x-forwarded-host': 'alinea.example.org', 'x-forwarded-proto': 'https' };
    expect(() => assertSameOrigin(post('http://127.0.0.1:3000/api/x', behindProxy))).toThrow(/another site/);
    process.env.ALINEA_TRUST_PROXY = '127.0.0.1';
    resetConfigForTests();
    expect(() => assertSameOrigin(post('http://127.0.0.1:3000/api/x', behindProxy))).not.toThrow();
    process.env.ALINEA_TRUST_PROXY = '';
    process.env.ALINEA_AUTH_URL = 'https://alinea.example.org';
    resetConfigForTests();
    expect(() => assertSameOrigin(post('http://127.0.0.1:3000/api/x', { ...behindProxy, 'x-forwarded-host': 'evil.example' }))).not.toThrow();
  });

  it('better-auth\'s own routes check the origin of a signed-in request (sign-out from another site is refused)', async () => {
    const { cookie: session } = await signIn('admin@example.org', 'admin password');
    const signOut = (origin: string, type = 'application/json') =>
      getAuth().handler(new Request(`${SITE}/api/auth/sign-out`, { method: 'POST', body: '{}', headers: { 'content-type': type, origin, cookie: session } }));
    expect((await signOut('http://localhost:4000')).status).toBe(403);
    // and it reads only JSON bodies: a text/plain form post is refused before it
    expect((await signOut(SITE, 'text/plain')).status).toBe(415);
    const token = decodeURIComponent(session.split('=')[1]!).split('.')[0]!;
    expect(await getDb().session.count({ where: { token } })).toBe(1);
  });

  it('only JSON bodies (or, on upload routes, files) are accepted: anything else is a 415', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const res = await createProject({ origin: SITE, 'content-type': type });
      expect(res.status).toBe(415);
      expect(await errorOf(res)).toMatchObject({ code: 'UNSUPPORTED_MEDIA', message: expect.stringContaining('Content-Type: application/json') });
    }
    expect((await createProject({ origin: SITE, 'content-type': 'application/json; charset=utf-8' })).status).toBe(200);
    // an upload route takes raw files, not form posts
    const upload = (type: string) =>
      audio.POST(new Request(`${SITE}/api/books/b1/audio?name=a.mp3`, { method: 'POST', body: 'x', headers: { origin: SITE, cookie, 'content-type': type } }), params({ bookId: 'b1' }));
    expect((await upload('text/plain')).status).toBe(415);
    expect((await upload('application/octet-stream')).status).toBe(404); // past the edge: no such book
  });

  it('a JSON body over its cap is a 413 as soon as the cap is passed; the rest is never read', async () => {
    const { stream, state } = countingBody(200 * 1024 * 1024);
    const res = await projects.POST(
      new Request(`${SITE}/api/projects`, { method: 'POST', body: stream, duplex: 'half', headers: { origin: SITE, cookie, 'content-type': 'application/json' } } as RequestInit),
      params({}),
    );
    expect(res.status).toBe(413);
    expect(await errorOf(res)).toMatchObject({ code: 'TOO_LARGE', message: expect.stringContaining('1 MB') });
    expect(state.cancelled).toBe(true);
    expect(state.pulled).toBeLessThan(2 * 1024 * 1024);

    // a Content-Length over the cap is refused before reading anything
    const declared = countingBody(10 * 1024 * 1024);
    await expect(
      readJson(new Request(`${SITE}/`, { method: 'POST', body: declared.stream, duplex: 'half', headers: { 'content-length': String(10 * 1024 * 1024) } } as RequestInit)),
    ).rejects.toMatchObject({ code: 'TOO_LARGE' });
    expect(declared.state.pulled).toBeLessThanOrEqual(65536 * 2); // at most what the stream buffered on its own
    // under the cap it is read whole
    expect((await readBodyBytes(new Request(`${SITE}/`, { method: 'POST', body: 'x'.repeat(1000) }), 1000)).length).toBe(1000);
  });

  it('better-auth\'s routes get their body capped too (64 KB), and sign-in through them still works', async () => {
    const { stream, state } = countingBody(100 * 1024 * 1024);
    const huge = await authRoute.POST(
      new Request(`${SITE}/api/auth/sign-in/email`, { method: 'POST', body: stream, duplex: 'half', headers: { origin: SITE, 'content-type': 'application/json' } } as RequestInit),
    );
    expect(huge.status).toBe(413);
    expect(state.cancelled).toBe(true);
    expect(state.pulled).toBeLessThan(1024 * 1024);
    const ok = await authRoute.POST(
      new Request(`${SITE}/api/auth/sign-in/email`, {
        method: 'POST',
        body: JSON.stringify({ email: 'admin@example.org', password: 'admin password' }),
        headers: { origin: SITE, 'content-type': 'application/json' },
      }),
    );
    expect(ok.status).toBe(200);
    expect(ok.headers.getSetCookie().join()).toMatch(/better-auth\.session_token=/);
  });

  it('a sync map import is capped at 50 MB while streaming', async () => {
    const { stream, state } = countingBody(700 * 1024 * 1024);
    const res = await syncmap.POST(
      new Request(`${SITE}/api/chapters/c1/syncmap?name=map.json`, {
        method: 'POST',
        body: stream,
        duplex: 'half',
        headers: { origin: SITE, cookie, 'content-type': 'application/octet-stream' },
      } as RequestInit),
      params({ chapterId: 'c1' }),
    );
    expect(res.status).toBe(413);
    expect((await errorOf(res)).message).toContain('map.json');
    expect(state.cancelled).toBe(true);
    expect(state.pulled).toBeLessThan(51 * 1024 * 1024);
  });
});
