// Exports without a shared disk: the export job runs on a "worker" whose ALINEA_DATA_DIR is a scratch directory of
// its own (not the web side's), with the audio and the export in an S3 bucket (s3rver). The web side then lists,
// downloads (a byte range), archives, verifies and deletes the export through storage alone, and its files are
// byte for byte those of the same export made on local storage. A failed or cancelled export leaves no object
// under exports/<id>.
import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi, type MockInstance } from 'vitest';
import { resetConfigForTests } from '../config/env.ts';
import { getDb } from '../db/client.ts';
import { createJobRegistry } from '../jobs/create-job-registry.ts';
import type { JobContext } from '../jobs/job-definition.ts';
import { workJobs } from '../jobs/work-jobs.ts';
import { getStorage, type Storage } from '../storage/storage.ts';
import { seedExportCorpus } from '../testing/seed-export-corpus.ts';
import { useS3TestStorage } from '../testing/use-s3-test-storage.ts';
import { useTestEnv } from '../testing/use-test-env.ts';
import { deleteExport } from './delete-export.ts';
import { exportCorpus } from './export-corpus.ts';
import { exportArchive, listExportFiles, openExportFile } from './export-files.ts';
import { exportCorpusJob } from './export-jobs.ts';
import { startExport } from './start-export.ts';
import { tarSize, tarStream } from './tar-stream.ts';
import { verifyExport } from './verify-export.ts';

const run = promisify(execFile);
const registry = createJobRegistry([exportCorpusJob]);
const s3 = useS3TestStorage({ bucket: 'alinea-exports', select: false });
const env = useTestEnv(); // the web side's data directory
let workerDir = '';
let work = '';
beforeAll(async () => {
  workerDir = await mkdtemp(path.join(tmpdir(), 'alinea-export-worker-'));
  work = await mkdtemp(path.join(tmpdir(), 'alinea-export-storage-'));
});
afterAll(async () => {
  await rm(workerDir, { recursive: true, force: true });
  await rm(work, { recursive: true, force: true });
});

/**
 * Runs `fn` as the worker: the same database and bucket, its own data directory. `spy` may wrap methods of the
 * worker's storage (its own instance: getStorage() makes one per data directory).
 */
async function asWorker<T>(fn: () => Promise<T>, spy?: (storage: Storage) => MockInstance): Promise<T> {
  process.env.ALINEA_DATA_DIR = workerDir;
  resetConfigForTests();
  const mock = spy?.(getStorage());
  try {
    return await fn();
  } finally {
    mock?.mockRestore();
    process.env.ALINEA_DATA_DIR = env.dataDir;
    resetConfigForTests();
  }
}

async function collect(stream: AsyncIterable<unknown>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** dataset.json without its creation time (the only byte that differs between two runs). */
function comparable(name: string, bytes: Buffer): Buffer {
  if (path.posix.basename(name) !== 'dataset.json') return bytes;
  const json = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
  delete json.createdAt;
  return Buffer.from(JSON.stringify(json));
}

/** Every file under `dir`: relative path → sha256 (comparable). */
async function tree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const rel = path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/');
    out[rel] = createHash('sha256').update(comparable(rel, await readFile(path.join(e.parentPath, e.name)))).digest('hex');
  }
  return out;
}

/** Files anywhere under `dir` whose name ends with one of `suffixes`. */
async function filesEnding(dir: string, ...suffixes: string[]): Promise<string[]> {
  if (!existsSync(dir)) return [];
  return (await readdir(dir, { recursive: true })).map(String).filter((f) => suffixes.some((s) => f.endsWith(s)));
}

const SETTINGS = { group: 'fragment', t2t: true, shardMB: 0.15, formats: ['tfrecord', 'librispeech', 'jsonl'] };

function jobContext(signal: AbortSignal, opts: Partial<JobContext> = {}): JobContext {
  return { jobId: 'test', attempt: 1, isFinalAttempt: false, signal, progress: () => undefined, ...opts };
}

describe('exports in an S3 bucket, made by a worker without a shared disk', () => {
  let projectId = '';
  let reference = ''; // the same export on local storage

  beforeAll(async () => {
    ({ projectId } = await seedExportCorpus({ projectName: 'Corpus sin disco', books: 2, chaptersPerBook: 2 }));
    // the reference export, made through the job on local storage
    const local = await startExport({ projectId, ...SETTINGS });
    await workJobs({ registry, untilIdle: true, pollMs: 20 });
    const row = await getDb().export.findUniqueOrThrow({ where: { id: local.id } });
    expect(row).toMatchObject({ status: 'succeeded', storageKey: `exports/${local.id}`, dir: path.join(env.dataDir, 'files', 'exports', local.id) });
    reference = path.join(work, 'reference');
    await run('cp', ['-r', row.dir, reference]);
    // the audio moves into the bucket under the same keys; nothing of it stays on the local disk
    const keys = (await getDb().audioFile.findMany({ select: { pcmKey: true } })).map((x) => x.pcmKey!);
    const files = new Map(keys.map((k) => [k, getStorage().localPath(k)]));
    s3.select();
    expect(getStorage().kind).toBe('s3');
    for (const [key, file] of files) await getStorage().putFile(key, file);
    await rm(path.join(env.dataDir, 'files'), { recursive: true, force: true });
  });

  it('publishes to exports/<id>/ (dataset.json last) and serves list, Range, archive, verify and delete from storage', async () => {
    const started = await startExport({ projectId, ...SETTINGS });
    const order: string[] = [];
    await asWorker(
      () => workJobs({ registry, untilIdle: true, pollMs: 20 }),
      (storage) => {
        const putFile = storage.putFile.bind(storage);
        return vi.spyOn(storage, 'putFile').mockImplementation(async (key, from, opts) => {
          order.push(key);
          return putFile(key, from, opts);
        });
      },
    );
    const storage = getStorage();
    const row = await getDb().export.findUniqueOrThrow({ where: { id: started.id } });
    expect(row).toMatchObject({ status: 'succeeded', storageKey: `exports/${started.id}`, dir: `s3://alinea-exports/studio/exports/${started.id}` });
    const ref = await tree(reference);
    expect(order.at(-1)).toBe(`exports/${started.id}/dataset.json`);
    expect(order.length).toBe(Object.keys(ref).length);

    // the split registry went to the bucket too: the next export, on any machine, keeps these splits
    expect((await storage.list('splits')).map((e) => e.key)).toEqual([expect.stringMatching(/^splits\/[0-9a-f]{24}\.json$/)]);
    // the worker built it in its own scratch and kept nothing; the web side's disk never held it
    expect(await readdir(path.join(workerDir, 'export-scratch'))).toEqual([]);
    expect(await filesEnding(workerDir, '.tfrecord', '.flac', '.json', '.jsonl', '.wav')).toEqual([]);
    expect(await filesEnding(env.dataDir, '.tfrecord', '.flac', 'dataset.json', '.jsonl', '.wav')).toEqual([]);

    // listing: every file of the reference, at its size, dataset.json first
    const listed = await listExportFiles(started.id);
    expect(listed[0]!.path).toBe('dataset.json');
    expect(listed.map((f) => f.path).sort()).toEqual(Object.keys(ref).sort());
    // each file, read through storage, is byte for byte the reference's
    for (const f of listed) {
      const opened = await openExportFile(started.id, f.path);
      expect(opened.bytes).toBe(f.bytes);
      const bytes = await collect(opened.read());
      expect(bytes.length, f.path).toBe(f.bytes);
      expect(createHash('sha256').update(comparable(f.path, bytes)).digest('hex'), f.path).toBe(ref[f.path]);
    }
    // a byte range of a shard (a ranged GetObject)
    const shard = listed.find((f) => f.path.startsWith('tfrecord/'))!;
    const refShard = await readFile(path.join(reference, shard.path));
    const part = await collect((await openExportFile(started.id, shard.path)).read({ start: 10, end: 4105 }));
    expect(part.equals(refShard.subarray(10, 4106))).toBe(true);
    for (const bad of ['../../books', 'tfrecord/../../x', '/etc/passwd', '', 'a//b', 'nope.txt', '.journal.jsonl']) {
      await expect(openExportFile(started.id, bad)).rejects.toMatchObject({ code: expect.stringMatching(/INVALID_INPUT|NOT_FOUND/) });
    }

    // the archive streams each file from the bucket; tar extracts the reference's tree
    const { name, entries } = await exportArchive(started.id);
    const tarFile = path.join(work, 'all.tar');
    await writeFile(tarFile, await collect(Readable.from(tarStream(entries))));
    expect((await readFile(tarFile)).length).toBe(tarSize(entries));
    await mkdir(path.join(work, 'untar'));
    await run('tar', ['-xf', tarFile, '-C', path.join(work, 'untar')]);
    expect(await tree(path.join(work, 'untar', name))).toEqual(ref);

    // verify reads everything back through storage, and sees a shard damaged in the bucket
    expect(await verifyExport(started.id)).toMatchObject({ ok: true, problems: [] });
    const damaged = Buffer.from(refShard);
    damaged[damaged.length - 1]! ^= 0xff;
    await storage.putStream(`exports/${started.id}/${shard.path}`, Readable.from([damaged]));
    const report = await verifyExport(started.id);
    expect(report.ok).toBe(false);
    expect(report.problems.join('\n')).toContain(`${shard.path}: sha256 differs`);

    await deleteExport(started.id);
    expect(await storage.list(`exports/${started.id}`)).toEqual([]);
    expect(await getDb().export.findUnique({ where: { id: started.id } })).toBeNull();
  });

  it('a publish that fails leaves nothing under exports/<id>; the retry resumes every shard from the journal', async () => {
    const started = await startExport({ projectId, ...SETTINGS });
    let puts = 0;
    await expect(
      asWorker(
        () => exportCorpus(started.id, jobContext(new AbortController().signal)),
        (storage) => {
          const putFile = storage.putFile.bind(storage);
          return vi.spyOn(storage, 'putFile').mockImplementation(async (key, from, opts) => {
            if (++puts > 3) throw new Error('connection reset by the bucket');
            return putFile(key, from, opts);
          });
        },
      ),
    ).rejects.toThrow(/connection reset/);
    const storage = getStorage();
    expect(puts).toBe(4); // three objects were up before it failed
    expect(await storage.list(`exports/${started.id}`)).toEqual([]);
    const failed = await getDb().export.findUniqueOrThrow({ where: { id: started.id } });
    expect(failed).toMatchObject({ storageKey: null, error: expect.stringContaining('connection reset') });
    // the scratch and its journal stay on the worker, for the retry
    expect(existsSync(path.join(workerDir, 'export-scratch', `${started.id}.journal.jsonl`))).toBe(true);

    const stats = await asWorker(() => exportCorpus(started.id, jobContext(new AbortController().signal, { attempt: 2 })));
    expect(stats).toMatchObject({ reused: { shards: (stats as { shards: number }).shards } });
    expect((await storage.list(`exports/${started.id}`)).length).toBe(Object.keys(await tree(reference)).length);
    expect(await getDb().export.findUniqueOrThrow({ where: { id: started.id } })).toMatchObject({ status: 'succeeded', storageKey: `exports/${started.id}` });
    expect(await readdir(path.join(workerDir, 'export-scratch'))).toEqual([]);
    expect(await verifyExport(started.id)).toMatchObject({ ok: true });
    // (the attempts above ran the job's body directly; its queue row is still queued)
    await getDb().job.update({ where: { id: started.jobId! }, data: { status: 'succeeded' } });
    await deleteExport(started.id);
    expect(await storage.list(`exports/${started.id}`)).toEqual([]);
  });

  it('an export cancelled while publishing, or while building, leaves nothing in the bucket or the scratch', async () => {
    // cancelled while its files were going up: what was published is taken back
    const a = await startExport({ projectId, ...SETTINGS });
    const cancel = new AbortController();
    let publishedWhenCancelled = 0;
    await expect(
      asWorker(
        () => exportCorpus(a.id, jobContext(cancel.signal)),
        (storage) => {
          const putDirectory = storage.putDirectory.bind(storage);
          return vi.spyOn(storage, 'putDirectory').mockImplementation(async (prefix, from, opts) => {
            const out = await putDirectory(prefix, from, opts);
            publishedWhenCancelled = (await storage.list(prefix)).length;
            cancel.abort(new Error('Cancelled'));
            return out;
          });
        },
      ),
    ).rejects.toThrow(/Cancelled/);
    expect(publishedWhenCancelled).toBeGreaterThan(3); // all up when the cancel landed
    const storage = getStorage();
    expect(await storage.list(`exports/${a.id}`)).toEqual([]);
    expect(await getDb().export.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({ status: 'cancelled', storageKey: null });

    // cancelled halfway through the build: nothing was published, the scratch is gone
    const b = await startExport({ projectId, ...SETTINGS });
    const stop = new AbortController();
    let shardsSeen = 0;
    await expect(
      asWorker(() =>
        exportCorpus(b.id, jobContext(stop.signal, {
          progress: () => {
            if (existsSync(path.join(workerDir, 'export-scratch', b.id, 'tfrecord')) && ++shardsSeen === 1) stop.abort(new Error('Cancelled'));
          },
        })),
      ),
    ).rejects.toThrow(/Cancelled/);
    expect(shardsSeen).toBeGreaterThan(0);
    expect(await storage.list(`exports/${b.id}`)).toEqual([]);
    expect(await getDb().export.findUniqueOrThrow({ where: { id: b.id } })).toMatchObject({ status: 'cancelled', storageKey: null });
    expect(await readdir(path.join(workerDir, 'export-scratch'))).toEqual([]);
    // and nothing of any export is left in the bucket
    expect(await storage.list('exports')).toEqual([]);
  });
});
