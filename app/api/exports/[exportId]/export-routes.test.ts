import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestEnv } from '@/lib/testing/use-test-env.ts';
import { jobRegistry } from '@/workers/job-registry.ts';
import { workJobs } from '@/lib/jobs/work-jobs.ts';
import { seedExportCorpus } from '@/lib/testing/seed-export-corpus.ts';
import { createUser } from '@/lib/auth/create-user.ts';
import { signIn } from '@/lib/auth/sign-in.ts';
import * as list from '../../projects/[projectId]/exports/route.ts';
import * as preview from '../../projects/[projectId]/exports/preview/route.ts';
import * as one from './route.ts';
import * as files from './files/route.ts';
import * as file from './files/[...path]/route.ts';
import * as archive from './archive/route.ts';
import * as verify from './verify/route.ts';

const run = promisify(execFile);
// the routes need an admin's session (see app/api/auth/auth-routes.test.ts)
let cookie = '';
const req = (url: string, init?: RequestInit) => new Request(`http://x${url}`, { ...init, headers: { origin: 'http://x', 'content-type': 'application/json', ...(init?.headers as Record<string, string>), cookie } });
const params = <T>(p: T) => ({ params: Promise.resolve(p) });

describe('export routes', () => {
  const env = useTestEnv();
  beforeAll(async () => {
    await createUser({ email: 'admin@example.org', password: 'admin password', role: 'admin' });
    cookie = (await signIn('admin@example.org', 'admin password')).cookie;
  });

  it('preview, start, status, files with Range, path safety, archive, verify, delete', async () => {
    const { projectId } = await seedExportCorpus();
    const p = await preview.POST(req('/', { method: 'POST', body: JSON.stringify({ group: 'fragment' }) }), params({ projectId }));
    expect(p.status).toBe(200);
    const { preview: pv } = await p.json();
    expect(pv.total.examples).toBe(16);
    expect(Object.keys(pv.splits)).toEqual(['train', 'dev', 'test']);
    const bad = await preview.POST(req('/', { method: 'POST', body: JSON.stringify({ ratios: { train: -1, dev: 0, test: 0 } }) }), params({ projectId }));
    expect(bad.status).toBe(400);

    const started = await list.POST(req('/', { method: 'POST', body: JSON.stringify({ group: 'fragment' }) }), params({ projectId }));
    const { export: exp } = await started.json();
    expect(exp.status).toBe('queued');
    // Files are refused until the export has succeeded.
    expect((await files.GET(req('/'), params({ exportId: exp.id }))).status).toBe(409);
    await workJobs({ registry: jobRegistry, untilIdle: true, pollMs: 20 });
    const status = await (await one.GET(req('/'), params({ exportId: exp.id }))).json();
    expect(status.export).toMatchObject({ status: 'succeeded', progress: 1 });
    expect((await (await list.GET(req('/'), params({ projectId }))).json()).exports).toHaveLength(1);

    const { files: fl } = await (await files.GET(req('/'), params({ exportId: exp.id }))).json();
    const shard = fl.find((f: { path: string }) => f.path.startsWith('tfrecord/'));
    const full = await file.GET(req('/'), params({ exportId: exp.id, path: shard.path.split('/') }));
    expect(full.status).toBe(200);
    expect(full.headers.get('content-length')).toBe(String(shard.bytes));
    const body = Buffer.from(await full.arrayBuffer());
    expect(body.length).toBe(shard.bytes);
    const part = await file.GET(req('/', { headers: { range: 'bytes=10-19' } }), params({ exportId: exp.id, path: shard.path.split('/') }));
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 10-19/${shard.bytes}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(body.subarray(10, 20))).toBe(true);
    const past = await file.GET(req('/', { headers: { range: `bytes=${shard.bytes}-` } }), params({ exportId: exp.id, path: shard.path.split('/') }));
    expect(past.status).toBe(416);
    // A file beside the export's folder (files/exports/<id> in local storage) must stay unreachable.
    await writeFile(path.join(env.dataDir, 'files', 'exports', 'secret.txt'), 'secret');
    await mkdir(path.join(env.dataDir, 'exports'), { recursive: true });
    await writeFile(path.join(env.dataDir, 'exports', 'secret.txt'), 'secret');
    for (const bad of [['..', 'secret.txt'], ['..%2Fsecret.txt'], ['tfrecord', '..', '..', 'secret.txt'], ['%2E%2E', 'secret.txt']]) {
      const r = await file.GET(req('/'), params({ exportId: exp.id, path: bad }));
      expect([400, 404]).toContain(r.status);
    }

    const tar = await archive.GET(req('/'), params({ exportId: exp.id }));
    expect(tar.headers.get('content-type')).toBe('application/x-tar');
    const tarBytes = Buffer.from(await tar.arrayBuffer());
    expect(tarBytes.length).toBe(Number(tar.headers.get('content-length')));
    const tarFile = path.join(env.dataDir, 'all.tar');
    await writeFile(tarFile, tarBytes);
    const x = path.join(env.dataDir, 'untar');
    await mkdir(x);
    await run('tar', ['-xf', tarFile, '-C', x]);
    expect((await readFile(path.join(x, `alinea-${exp.id}`, shard.path))).equals(body)).toBe(true);

    const v = await (await verify.POST(req('/', { method: 'POST' }), params({ exportId: exp.id }))).json();
    expect(v.report).toMatchObject({ ok: true, examples: 16 });

    expect((await one.DELETE(req('/', { method: 'DELETE' }), params({ exportId: exp.id }))).status).toBe(200);
    expect((await one.GET(req('/'), params({ exportId: exp.id }))).status).toBe(404);
  });
});
