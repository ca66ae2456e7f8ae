// The export routes with the export in an S3 bucket (s3rver) and the job run by a worker whose data directory is
// not the web server's: the file list, a full and a ranged download, the tar archive, verify and delete all go
// through storage.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetConfigForTests } from '@/lib/config/env.ts';
import { getDb } from '@/lib/db/client.ts';
import { getStorage } from '@/lib/storage/storage.ts';
import { useS3TestStorage } from '@/lib/testing/use-s3-test-storage.ts';
import { useTestEnv } from '@/lib/testing/use-test-env.ts';
import { jobRegistry } from '@/workers/job-registry.ts';
import { workJobs } from '@/lib/jobs/work-jobs.ts';
import { seedExportCorpus } from '@/lib/testing/seed-export-corpus.ts';
import { createUser } from '@/lib/auth/create-user.ts';
import { signIn } from '@/lib/auth/sign-in.ts';
import * as list from '../../projects/[projectId]/exports/route.ts';
import * as one from './route.ts';
import * as files from './files/route.ts';
import * as file from './files/[...path]/route.ts';
import * as archive from './archive/route.ts';
import * as verify from './verify/route.ts';

const run = promisify(execFile);
let cookie = '';
const req = (url: string, init?: RequestInit) => new Request(`http://x${url}`, { ...init, headers: { origin: 'http://x', 'content-type': 'application/json', ...(init?.headers as Record<string, string>), cookie } });
const params = <T>(p: T) => ({ params: Promise.resolve(p) });

useS3TestStorage({ bucket: 'alinea-export-routes' });
const env = useTestEnv();
let workerDir = '';
beforeAll(async () => {
  workerDir = await mkdtemp(path.join(tmpdir(), 'alinea-export-worker-'));
  await createUser({ email: 'admin@example.org', password: 'admin password', role: 'admin' });
  cookie = (await signIn('admin@example.org', 'admin password')).cookie;
});
afterAll(() => rm(workerDir, { recursive: true, force: true }));

describe('export routes on S3 storage', () => {
  it('list, download with Range, archive, verify and delete read the bucket', async () => {
    expect(getStorage().kind).toBe('s3');
    const { projectId } = await seedExportCorpus();
    const started = await list.POST(req('/', { method: 'POST', body: JSON.stringify({ group: 'fragment' }) }), params({ projectId }));
    const { export: exp } = await started.json();
    // the worker: the same database and bucket, its own data directory
    process.env.ALINEA_DATA_DIR = workerDir;
    resetConfigForTests();
    try {
      await workJobs({ registry: jobRegistry, untilIdle: true, pollMs: 20 });
    } finally {
      process.env.ALINEA_DATA_DIR = env.dataDir;
      resetConfigForTests();
    }
    expect(await getDb().export.findUniqueOrThrow({ where: { id: exp.id } })).toMatchObject({ status: 'succeeded', storageKey: `exports/${exp.id}` });
    // nothing of it on the web side's disk
    expect((await readdir(env.dataDir, { recursive: true })).map(String).filter((f) => /\.(tfrecord|flac|jsonl)$|dataset\.json$/.test(f))).toEqual([]);

    const { files: fl } = await (await files.GET(req('/'), params({ exportId: exp.id }))).json();
    const stored = await getStorage().list(`exports/${exp.id}`);
    expect(fl.map((f: { path: string; bytes: number }) => [`exports/${exp.id}/${f.path}`, f.bytes]).sort()).toEqual(stored.map((e) => [e.key, e.size]).sort());
    const shard = fl.find((f: { path: string }) => f.path.startsWith('tfrecord/'));
    const full = await file.GET(req('/'), params({ exportId: exp.id, path: shard.path.split('/') }));
    expect(full.status).toBe(200);
    expect(full.headers.get('content-length')).toBe(String(shard.bytes));
    const body = Buffer.from(await full.arrayBuffer());
    expect(body.equals(await getStorage().readAll(`exports/${exp.id}/${shard.path}`))).toBe(true);
    const part = await file.GET(req('/', { headers: { range: 'bytes=100-1123' } }), params({ exportId: exp.id, path: shard.path.split('/') }));
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 100-1123/${shard.bytes}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(body.subarray(100, 1124))).toBe(true);
    const tail = await file.GET(req('/', { headers: { range: 'bytes=-7' } }), params({ exportId: exp.id, path: shard.path.split('/') }));
    expect(Buffer.from(await tail.arrayBuffer()).equals(body.subarray(-7))).toBe(true);
    expect((await file.GET(req('/', { headers: { range: `bytes=${shard.bytes}-` } }), params({ exportId: exp.id, path: shard.path.split('/') }))).status).toBe(416);
    for (const bad of [['..', 'splits'], ['..%2F..%2Fbooks'], ['tfrecord', '..', '..', 'x'], ['nope.txt']]) {
      expect([400, 404]).toContain((await file.GET(req('/'), params({ exportId: exp.id, path: bad }))).status);
    }

    const tar = await archive.GET(req('/'), params({ exportId: exp.id }));
    const tarBytes = Buffer.from(await tar.arrayBuffer());
    expect(tarBytes.length).toBe(Number(tar.headers.get('content-length')));
    const x = path.join(env.dataDir, 'untar');
    await mkdir(x);
    await writeFile(path.join(env.dataDir, 'all.tar'), tarBytes);
    await run('tar', ['-xf', path.join(env.dataDir, 'all.tar'), '-C', x]);
    for (const e of stored) {
      const rel = e.key.slice(`exports/${exp.id}/`.length);
      expect((await readFile(path.join(x, `alinea-${exp.id}`, rel))).equals(await getStorage().readAll(e.key)), rel).toBe(true);
    }

    const v = await (await verify.POST(req('/', { method: 'POST' }), params({ exportId: exp.id }))).json();
    expect(v.report).toMatchObject({ ok: true, examples: 16 });

    expect((await one.DELETE(req('/', { method: 'DELETE' }), params({ exportId: exp.id }))).status).toBe(200);
    expect(await getStorage().list(`exports/${exp.id}`)).toEqual([]);
    expect((await one.GET(req('/'), params({ exportId: exp.id }))).status).toBe(404);
  });
});
