import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '@/lib/auth/create-user.ts';
import { signIn } from '@/lib/auth/sign-in.ts';
import { useTestEnv } from '@/lib/testing/use-test-env.ts';
import { jobRegistry } from '@/workers/job-registry.ts';
import { workJobs } from '@/lib/jobs/work-jobs.ts';
import { seedExportCorpus } from '@/lib/testing/seed-export-corpus.ts';
import { seedTrainingExport } from '@/lib/testing/training-test-fixture.ts';
import * as train from '../exports/[exportId]/train/route.ts';
import * as check from '../chapters/[chapterId]/check/route.ts';
import * as list from './route.ts';
import * as one from './[runId]/route.ts';
import * as stop from './[runId]/stop/route.ts';
import * as file from './[runId]/checkpoint/[file]/route.ts';

// training needs an admin's session, reading runs and checking a chapter any signed-in user's
let cookie = '';
let reviewerCookie = '';
const req = (url: string, init?: RequestInit, as = cookie) => new Request(`http://x${url}`, { ...init, headers: { origin: 'http://x', 'content-type': 'application/json', ...(init?.headers as Record<string, string>), cookie: as } });
const params = <T>(p: T) => ({ params: Promise.resolve(p) });
const post = (body: unknown) => req('/', { method: 'POST', body: JSON.stringify(body) });

describe('training routes', () => {
  const env = useTestEnv();
  beforeAll(async () => {
    await createUser({ email: 'admin@example.org', password: 'admin password', role: 'admin' });
    await createUser({ email: 'rev@example.org', password: 'reviewer password', role: 'reviewer' });
    cookie = (await signIn('admin@example.org', 'admin password')).cookie;
    reviewerCookie = (await signIn('rev@example.org', 'reviewer password')).cookie;
  });

  it('start, list, status, checkpoint files, stop, chapter check', async () => {
    const { exportId, dir } = await seedTrainingExport(env.dataDir);
    expect((await train.POST(req('/', { method: 'POST', body: '{}' }, ''), params({ exportId }))).status).toBe(401);
    expect((await train.POST(req('/', { method: 'POST', body: '{}' }, reviewerCookie), params({ exportId }))).status).toBe(403);
    expect((await train.POST(post({ steps: -1 }), params({ exportId }))).status).toBe(400);
    expect((await train.POST(post({}), params({ exportId: 'nope' }))).status).toBe(404);
    const started = await train.POST(post({ steps: 2, backend: 'cpu', model: 'tiny', batchSize: 4 }), params({ exportId }));
    expect(started.status).toBe(200);
    const { run } = await started.json();
    expect(run).toMatchObject({ status: 'queued', steps: 2 });
    expect((await file.GET(req('/'), params({ runId: run.id, file: 'manifest.json' }))).status).toBe(404); // no checkpoint yet

    await workJobs({ registry: jobRegistry, types: ['train-model'], untilIdle: true, pollMs: 20 });
    const got = (await (await one.GET(req('/'), params({ runId: run.id }))).json()).run;
    expect(got).toMatchObject({ status: 'succeeded', step: 2, hasCheckpoint: true });
    expect(got.metrics).toHaveLength(2);
    const listed = (await (await list.GET(req(`/api/runs?exportId=${exportId}`), params({}))).json()).runs;
    expect(listed.map((r: { id: string }) => r.id)).toEqual([run.id]);
    expect(listed[0].metrics).toEqual([]);
    expect((await stop.POST(req('/', { method: 'POST' }), params({ runId: run.id }))).status).toBe(409);
    expect((await one.GET(req('/'), params({ runId: 'nope' }))).status).toBe(404);

    const manifest = await file.GET(req('/'), params({ runId: run.id, file: 'manifest.json' }));
    expect(manifest.headers.get('x-checkpoint-step')).toBe('2');
    expect((await manifest.json()).format).toBe('alinea-ctc-checkpoint');
    const weights = await file.GET(req('/?step=2'), params({ runId: run.id, file: 'weights.bin' }));
    const ckpt = path.join(env.dataDir, 'files', 'runs', run.id, 'checkpoints', 'step-00000002', 'weights.bin');
    expect(Buffer.from(await weights.arrayBuffer()).equals(await readFile(ckpt))).toBe(true);
    expect((await file.GET(req('/?step=7'), params({ runId: run.id, file: 'weights.bin' }))).status).toBe(404);
    expect((await file.GET(req('/?step=abc'), params({ runId: run.id, file: 'weights.bin' }))).status).toBe(400);
    expect((await list.GET(req('/api/runs?status=bogus'), params({}))).status).toBe(400);
    expect((await file.GET(req('/'), params({ runId: run.id, file: '../../x' }))).status).toBe(404);

    const { books } = await seedExportCorpus({ books: 1, chaptersPerBook: 1 });
    const chapterId = books[0]!.chapters[0]!.id;
    expect((await (await check.GET(req('/'), params({ chapterId }))).json()).check).toBeNull();
    expect((await check.POST(post({}), params({ chapterId }))).status).toBe(400);
    // a two-step run is far too weak to judge alignments: refused with the reason; only an admin may check anyway
    const asReviewer = (body: unknown) => req('/', { method: 'POST', body: JSON.stringify(body) }, reviewerCookie);
    const refused = await check.POST(asReviewer({ runId: run.id, threshold: 0.7 }), params({ chapterId }));
    expect(refused.status).toBe(409);
    const { error } = await refused.json();
    expect(error).toMatchObject({ code: 'CONFLICT', details: { reason: 'too-weak', runId: run.id, maxDevCer: 0.5 } });
    expect(error.message).toMatch(new RegExp(`^Run ${run.id} has a dev CER of \\d+\\.\\d %, above the 50\\.0 % a check needs`));
    expect((await check.POST(asReviewer({ runId: run.id, force: true }), params({ chapterId }))).status).toBe(403);
    expect((await (await check.GET(req('/'), params({ chapterId }))).json()).check).toBeNull();
    const queued = (await (await check.POST(post({ runId: run.id, threshold: 0.7, force: true }), params({ chapterId }))).json()).check;
    expect(queued).toMatchObject({ status: 'queued', runId: run.id, threshold: 0.7, overridden: expect.stringMatching(/above the 50\.0 %/) });
    expect((await (await check.GET(req('/'), params({ chapterId }))).json()).check.jobId).toBe(queued.jobId);
    expect(dir).toContain(exportId);
  }, 60_000);
});
