// Several web servers (issue 12): two `next start` processes on different ports over one PostgreSQL database and
// one S3-compatible bucket, each with a data directory of its own (no shared disk). A session made on one is good
// on the other; an edit saved on one is seen on the other, and the other's version check refuses a stale save.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { expect, request, test, type APIRequestContext } from '@playwright/test';
import { startPostgres, type TestPostgres } from '../lib/testing/start-postgres.ts';
import { s3EnvFor, startLocalS3, type LocalS3 } from '../lib/storage/start-local-s3.ts';
import { freePort } from '../lib/testing/free-port.ts';

const run = promisify(execFile);
const ADMIN = { email: 'two-servers@alinea.local', password: 'two servers password' };


let postgres: TestPostgres;
let s3: LocalS3;
let env: NodeJS.ProcessEnv;
const servers: { child: ChildProcess; url: string; dataDir: string }[] = [];
let seeded: { chapterId: string; fragmentIds: string[] };

async function startServer(): Promise<{ child: ChildProcess; url: string; dataDir: string }> {
  const port = await freePort();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'alinea-two-servers-'));
  const child = spawn('npx', ['next', 'start', '-H', '127.0.0.1', '-p', String(port)], {
    env: { ...env, ALINEA_DATA_DIR: dataDir },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + 60_000;
  for (;;) {
    const ok = await fetch(`${url}/api/projects`).then((r) => r.status < 500, () => false);
    if (ok) break;
    if (Date.now() > until || child.exitCode !== null) throw new Error(`next start on ${url} did not come up`);
    await new Promise((r) => setTimeout(r, 300));
  }
  return { child, url, dataDir };
}

test.describe('two web servers over one PostgreSQL and one S3 bucket', () => {
  test.describe.configure({ timeout: 240_000 });

  test.beforeAll(async () => {
    postgres = await startPostgres();
    const admin = new pg.Client({ connectionString: postgres.url });
    await admin.connect();
    await admin.query('CREATE DATABASE alinea_two_servers');
    await admin.end();
    s3 = await startLocalS3({ bucket: 'alinea-two-servers' });
    env = {
      ...process.env,
      DATABASE_URL: postgres.urlFor('alinea_two_servers'),
      ...s3EnvFor(s3),
      // the servers sign cookies with one secret (each machine's own auth-secret file would differ)
      ALINEA_AUTH_SECRET: 'two-servers-test-secret-0123456789abcdef',
    };
    const cliEnv = { ...env, ALINEA_DATA_DIR: await mkdtemp(path.join(os.tmpdir(), 'alinea-two-servers-cli-')) };
    await run('node', ['bin/alinea.mjs', 'migrate'], { env: cliEnv });
    await run('node', ['bin/alinea.mjs', 'create-user', '--email', ADMIN.email, '--password', ADMIN.password, '--role', 'admin'], { env: cliEnv });
    const { stdout } = await run('npx', ['tsx', 'e2e/helpers/seed-chapter-cli.ts', '3'], { env: cliEnv });
    seeded = JSON.parse(stdout.trim().split('\n').at(-1)!) as typeof seeded;
    await rm(cliEnv.ALINEA_DATA_DIR!, { recursive: true, force: true });
    servers.push(await startServer(), await startServer());
  });

  test.afterAll(async () => {
    for (const s of servers) {
      if (s.child.pid && s.child.exitCode === null) process.kill(-s.child.pid, 'SIGTERM');
      await new Promise((r) => (s.child.exitCode !== null ? r(null) : s.child.once('exit', r)));
      await rm(s.dataDir, { recursive: true, force: true });
    }
    await s3?.stop();
    await postgres?.stop();
  });

  test('a session made on one server works on the other; an edit saved on one is seen and version-checked on the other', async () => {
    const [a, b] = servers as [(typeof servers)[0], (typeof servers)[0]];
    const onA: APIRequestContext = await request.newContext({ baseURL: a.url, extraHTTPHeaders: { origin: a.url } });
    const signIn = await onA.post('/api/auth/sign-in/email', { data: ADMIN });
    expect(signIn.status()).toBe(200);
    // the same cookie (cookies are per host, not per port) against the other server
    const onB = await request.newContext({ baseURL: b.url, extraHTTPHeaders: { origin: b.url }, storageState: await onA.storageState() });
    const signedOut = await request.newContext({ baseURL: b.url, extraHTTPHeaders: { origin: b.url } });
    expect((await signedOut.get(`/api/chapters/${seeded.chapterId}/fragments`)).status()).toBe(401);

    const readB = await onB.get(`/api/chapters/${seeded.chapterId}/fragments`);
    expect(readB.status()).toBe(200);
    type View = { id: string; text: string; version: number };
    const before = ((await readB.json()) as { chapter: { fragments: View[] } }).chapter.fragments.find((f) => f.id === seeded.fragmentIds[1])!;

    // saved on A …
    const saved = await onA.patch(`/api/fragments/${before.id}`, { data: { expectedVersion: before.version, changes: { text: 'Texto corregido en el servidor A.' } } });
    expect(saved.status()).toBe(200);
    const after = ((await saved.json()) as { fragment: View }).fragment;
    expect(after.version).toBe(before.version + 1);
    // … seen on B
    const reread = ((await (await onB.get(`/api/chapters/${seeded.chapterId}/fragments`)).json()) as { chapter: { fragments: View[] } }).chapter.fragments;
    expect(reread.find((f) => f.id === before.id)!.text).toBe('Texto corregido en el servidor A.');
    // … and B refuses a save made against the version it had before
    const stale = await onB.patch(`/api/fragments/${before.id}`, { data: { expectedVersion: before.version, changes: { text: 'Una edición perdida.' } } });
    expect(stale.status()).toBe(409);
    const fresh = await onB.patch(`/api/fragments/${before.id}`, { data: { expectedVersion: after.version, changes: { text: 'Texto corregido en el servidor B.' } } });
    expect(fresh.status()).toBe(200);
    const onAagain = ((await (await onA.get(`/api/chapters/${seeded.chapterId}/fragments`)).json()) as { chapter: { fragments: View[] } }).chapter.fragments;
    expect(onAagain.find((f) => f.id === before.id)!.text).toBe('Texto corregido en el servidor B.');

    // signing out on B ends the session on A too (one sessions table)
    expect((await onB.post('/api/auth/sign-out', { data: {} })).status()).toBe(200);
    expect((await onA.get(`/api/chapters/${seeded.chapterId}/fragments`)).status()).toBe(401);
    await Promise.all([onA.dispose(), onB.dispose(), signedOut.dispose()]);
  });
});
