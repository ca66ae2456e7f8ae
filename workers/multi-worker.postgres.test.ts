// Workers that need no shared disk (issue 12, item 4). A generated 10-chapter book is imported the way the
// upload page does it (lib/ingest use cases, from this process: the "web side", with a data directory of its
// own), then ingested, aligned and exported by worker processes:
//   1. one worker on SQLite + local storage (the baseline);
//   2. four workers on PostgreSQL + an S3 bucket (s3rver), each started with only DATABASE_URL, the storage
//      variables and a scratch directory of its own, one of them SIGKILLed while it runs an alignment.
// Every job runs once (the killed one twice: its lease runs out and another worker takes it), and the two exports
// are the same bytes once each run's database ids are replaced by the other's (ids are random per database).
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetConfigForTests } from '../lib/config/env.ts';
import { disconnectDb, getDb } from '../lib/db/client.ts';
import { getStorage } from '../lib/storage/storage.ts';
import { startLocalS3, s3EnvFor, S3_ENV_VARS, type LocalS3 } from '../lib/storage/start-local-s3.ts';
import { createTestDatabase } from '../lib/testing/start-postgres.ts';
import { startWorkerProcess, type WorkerProcess } from '../lib/testing/start-worker-process.ts';
import { GENERATED_BOOK_TITLE, writeGeneratedBook } from '../lib/testing/write-generated-book.ts';
import { createProject } from '../lib/ingest/create-project.ts';
import { createBook } from '../lib/ingest/create-book.ts';
import { addBookAudio } from '../lib/ingest/add-book-audio.ts';
import { setBookEbook } from '../lib/ingest/set-book-ebook.ts';
import { acceptBookSplit } from '../lib/ingest/accept-book-split.ts';
import { startExport } from '../lib/export/start-export.ts';
import { crc32c, maskCrc32c } from '../lib/corpus/crc32c.ts';

const run = promisify(execFile);
const CHAPTERS = 10;
/** The shortest lease the configuration allows is 5 s; 8 s leaves heartbeats (every lease/3) room on a busy CI box. */
const LEASE_SECONDS = '8';

let root = '';
let book: { audio: string[]; text: string };
const workers: WorkerProcess[] = [];
const cleanups: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'alinea-multi-worker-'));
  const dir = path.join(root, 'book');
  await mkdir(dir);
  book = await writeGeneratedBook(dir, { chapters: CHAPTERS });
}, 120_000);

afterAll(async () => {
  for (const w of workers) w.child.kill('SIGKILL');
  await Promise.all(workers.map((w) => w.exited));
  await disconnectDb();
  for (const k of S3_ENV_VARS) delete process.env[k];
  resetConfigForTests();
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
  await rm(root, { recursive: true, force: true });
});

/** Polls `fn` until it gives a value; a job that failed for good ends the wait at once, with its error. */
async function waitFor<T>(fn: () => Promise<T | null | undefined | false>, timeoutMs: number, what: string): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = await fn();
    if (v) return v;
    const failed = await getDb().job.findMany({ where: { status: 'failed' }, select: { type: true, id: true, error: true } });
    if (failed.length) throw new Error(`waiting for ${what}, job(s) failed:\n${failed.map((j) => `${j.type} ${j.id}: ${j.error}`).join('\n')}`);
    if (Date.now() - t0 > timeoutMs) {
      const logs = workers.map((w) => `--- worker ${w.pid}\n${w.log().slice(-3000)}`).join('\n');
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}\n${logs}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** `alinea migrate` with nothing but the database (and a directory for its own files). */
async function migrate(databaseUrl: string, dataDir: string): Promise<void> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', DATABASE_URL: databaseUrl, ALINEA_DATA_DIR: dataDir };
  const { stdout } = await run(process.execPath, ['bin/alinea.mjs', 'migrate'], { env: env as NodeJS.ProcessEnv });
  expect(JSON.parse(stdout.trim().split('\n').at(-1)!).applied.length).toBeGreaterThan(0);
}

/** Points this process (the web side) at a database, a data directory and a store, as the app would be. */
async function useWebSide(env: Record<string, string>): Promise<void> {
  await disconnectDb();
  for (const k of S3_ENV_VARS) delete process.env[k];
  Object.assign(process.env, env);
  resetConfigForTests();
}

type JobRow = {
  id: string;
  type: string;
  status: string;
  attempts: number;
  lockedBy: string | null;
  error: string | null;
  startedAt: Date | null;
  finishedAt: Date | null;
};
type Ids = { pairs: [string, string][]; exportId: string };
type RunResult = {
  jobs: JobRow[];
  /** Export files by relative path. */
  files: Map<string, Buffer>;
  /** Every database id the export may name, in a fixed order (project, book, chapters, fragments, audio, export). */
  ids: string[];
  exportRow: { id: string; dir: string; storageKey: string | null };
  wallMs: number;
  killed?: { jobId: string; type: string; worker: WorkerProcess };
  workers: WorkerProcess[];
};

/** The export's files, through the storage API when it is published there (Export.storageKey), else its directory. */
async function readExport(row: { dir: string; storageKey: string | null }): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  if (row.storageKey) {
    const storage = getStorage();
    for (const e of await storage.list(row.storageKey)) out.set(e.key.slice(row.storageKey.length + 1), await storage.readAll(e.key));
    return out;
  }
  for (const e of await readdir(row.dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const full = path.join(e.parentPath, e.name);
    out.set(path.relative(row.dir, full).split(path.sep).join('/'), await readFile(full));
  }
  return out;
}

/**
 * Imports the book as a user would (project, book, ten audio uploads, the ebook; the split accepted once
 * proposed), lets `workers` align it, then exports the project. With `killOne`, the worker holding the first
 * running alignment is SIGKILLed.
 */
async function importAlignExport(workerEnvs: Record<string, string>[], opts: { killOne: boolean }): Promise<RunResult> {
  const t0 = Date.now();
  const started = workerEnvs.map((env) => startWorkerProcess(env));
  workers.push(...started);
  const db = getDb();

  const project = await createProject({ name: 'Costa' });
  const created = await createBook({ projectId: project.id, title: GENERATED_BOOK_TITLE, speakerId: 'lectora-1' });
  for (const file of book.audio) await addBookAudio(created.id, path.basename(file), createReadStream(file));
  await setBookEbook(created.id, path.basename(book.text), createReadStream(book.text));

  // the workers ingest; the last ingest proposes the split
  await waitFor(async () => (await db.book.findUniqueOrThrow({ where: { id: created.id } })).splitStatus === 'proposed', 120_000, 'the split proposal');
  expect(await acceptBookSplit(created.id)).toHaveLength(CHAPTERS);

  let killed: RunResult['killed'];
  if (opts.killOne) {
    const job = await waitFor(
      () => db.job.findFirst({ where: { type: 'align-chapter', status: 'running' }, orderBy: { startedAt: 'asc' } }),
      60_000,
      'an alignment to start',
    );
    const worker = started.find((w) => w.owns(job.lockedBy));
    if (!worker) throw new Error(`job ${job.id} is locked by ${job.lockedBy}, none of the started workers`);
    worker.child.kill('SIGKILL');
    expect(await worker.exited).toBeNull(); // ended by the signal
    killed = { jobId: job.id, type: job.type, worker };
    const afterKill = await db.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(afterKill.status).toBe('running'); // still leased to the dead worker: it did not finish before the kill
  }

  await waitFor(
    async () => (await db.chapter.count({ where: { bookId: created.id, alignStatus: 'aligned' } })) === CHAPTERS,
    180_000,
    'every chapter to be aligned',
  );
  // the settings of the export form, but of the fragments as aligned (a user would first approve them)
  const view = await startExport({ projectId: project.id, filters: { statuses: ['auto'] } });
  const done = await waitFor(
    async () => {
      const row = await db.export.findUniqueOrThrow({ where: { id: view.id } });
      return ['succeeded', 'failed', 'cancelled'].includes(row.status) && row;
    },
    120_000,
    'the export',
  );
  expect(done.error).toBeNull();
  expect(done.status).toBe('succeeded');
  const wallMs = Date.now() - t0;

  const jobs = await db.job.findMany({
    orderBy: { createdAt: 'asc' }, select: { id: true, type: true, status: true, attempts: true, lockedBy: true, error: true, startedAt: true, finishedAt: true },
  });
  const chapters = await db.chapter.findMany({ where: { bookId: created.id }, orderBy: { position: 'asc' }, include: { fragments: { orderBy: { position: 'asc' } } } });
  const audio = await db.audioFile.findMany({ where: { bookId: created.id }, orderBy: { position: 'asc' } });
  const ids = [
    project.id,
    created.id,
    ...chapters.map((c) => c.id),
    ...chapters.map((c) => c.textPartId).filter((x): x is string => x !== null),
    ...chapters.flatMap((c) => c.fragments.map((f) => f.id)),
    ...audio.map((a) => a.id),
    done.id,
  ];
  const files = await readExport(done);
  const alive = started.filter((w) => w !== killed?.worker);
  for (const w of alive) expect(await w.stop()).toBe(0);
  return { jobs, files, ids, exportRow: done, wallMs, killed, workers: started };
}

/** Mean seconds from first claim to end, per job type: "ingest-audio 1.2 s, …". */
function jobSeconds(jobs: readonly JobRow[]): string {
  const types = [...new Set(jobs.map((j) => j.type))];
  return types
    .map((t) => {
      const xs = jobs.filter((j) => j.type === t && j.startedAt && j.finishedAt);
      const mean = xs.reduce((a, j) => a + (j.finishedAt!.getTime() - j.startedAt!.getTime()), 0) / Math.max(1, xs.length) / 1000;
      return `${t} ${mean.toFixed(1)} s`;
    })
    .join(', ');
}

/** Replaces each id (same length, asserted) by its counterpart, in place. */
function substitute(buf: Buffer, pairs: readonly (readonly [string, string])[]): Buffer {
  const out = Buffer.from(buf);
  for (const [from, to] of pairs) {
    if (from === to) continue;
    const a = Buffer.from(from);
    const b = Buffer.from(to);
    expect(b.length, `ids ${from} and ${to} differ in length`).toBe(a.length);
    for (let i = out.indexOf(a); i >= 0; i = out.indexOf(a, i + a.length)) b.copy(out, i);
  }
  return out;
}

/** Recomputes each record's two CRCs (TFRecord framing: u64 length, masked CRC32C of it, data, masked CRC32C). */
function reframeTFRecords(buf: Buffer): Buffer {
  const out = Buffer.from(buf);
  let at = 0;
  while (at < out.length) {
    const len = Number(out.readBigUInt64LE(at));
    out.writeUInt32LE(maskCrc32c(crc32c(out.subarray(at, at + 8))), at + 8);
    out.writeUInt32LE(maskCrc32c(crc32c(out.subarray(at + 12, at + 12 + len))), at + 12 + len);
    at += 12 + len + 4;
  }
  expect(at).toBe(out.length);
  return out;
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * A file of an export with another run's ids in place of its own (`pairs`: [its id, the other's]). TFRecord shards
 * get their CRCs recomputed (the ids are inside the records). dataset.json differs legitimately in `createdAt`
 * (when it was made), in each shard's sha256 (of the shard's bytes, ids included) and in the order of
 * `split.groups` (sorted by group key, the chapter id): it is compared parsed, without `createdAt`, the groups
 * re-sorted, and each shard's sha256, once checked against the shard itself, replaced by that of its canonical
 * bytes.
 */
function canonical(name: string, files: ReadonlyMap<string, Buffer>, pairs: readonly (readonly [string, string])[]): Buffer | string {
  const swapped = substitute(files.get(name)!, pairs);
  if (name.startsWith('tfrecord')) return reframeTFRecords(swapped);
  if (name === 'dataset.json') {
    const manifest = JSON.parse(swapped.toString('utf8')) as {
      createdAt?: string;
      split: { groups: Record<string, string> };
      shards: { file: string; sha256: string }[];
    };
    delete manifest.createdAt;
    manifest.split.groups = Object.fromEntries(Object.entries(manifest.split.groups).sort(([a], [b]) => (a < b ? -1 : 1)));
    for (const shard of manifest.shards) {
      const bytes = files.get(shard.file);
      expect(bytes && sha256(bytes), `dataset.json's sha256 of ${shard.file}`).toBe(shard.sha256);
      shard.sha256 = sha256(canonical(shard.file, files, pairs) as Buffer);
    }
    return JSON.stringify(manifest, null, 2);
  }
  return swapped;
}

describe('workers without a shared disk', () => {
  let baseline: RunResult | undefined;

  it('one worker on SQLite + local storage imports, aligns and exports the 10-chapter book (the baseline)', async () => {
    const web = path.join(root, 'sqlite-web');
    const databaseUrl = `file:${path.join(web, 'alinea.db')}`;
    await migrate(databaseUrl, web);
    await useWebSide({ ALINEA_DATA_DIR: web, DATABASE_URL: databaseUrl });
    baseline = await importAlignExport(
      [{ ALINEA_DATA_DIR: web, DATABASE_URL: databaseUrl, ALINEA_JOB_LEASE_SECONDS: LEASE_SECONDS, ALINEA_WORKER_STOP_GRACE_SECONDS: '1' }],
      { killOne: false },
    );
    expect(baseline.jobs.every((j) => j.status === 'succeeded' && j.attempts === 1)).toBe(true);
    expect(baseline.files.has('dataset.json')).toBe(true);
    console.log(
      `[multi-worker] baseline, 1 worker on SQLite + local storage: ${baseline.jobs.length} jobs, ${baseline.files.size} export files, ${(baseline.wallMs / 1000).toFixed(1)} s wall; mean per job: ${jobSeconds(baseline.jobs)}`,
    );
  }, 300_000);

  it('four workers on PostgreSQL + S3, each with only its scratch directory, one SIGKILLed mid-job: every job once, the same export', async () => {
    if (!baseline) throw new Error('the baseline run failed: see the test above');
    const s3: LocalS3 = await startLocalS3();
    cleanups.push(() => s3.stop());
    const database = await createTestDatabase(process.env.ALINEA_TEST_POSTGRES_URL!, { empty: true });
    cleanups.push(() => database.drop());
    const web = path.join(root, 'pg-web');
    await migrate(database.url, web);
    await useWebSide({ ALINEA_DATA_DIR: web, DATABASE_URL: database.url, ...s3EnvFor(s3) });
    const scratch = Array.from({ length: 4 }, (_, i) => path.join(root, `worker-${i + 1}-scratch`));
    const result = await importAlignExport(
      scratch.map((dir) => ({
        ALINEA_DATA_DIR: dir,
        DATABASE_URL: database.url,
        ...s3EnvFor(s3),
        ALINEA_JOB_LEASE_SECONDS: LEASE_SECONDS,
        ALINEA_WORKER_STOP_GRACE_SECONDS: '1',
      })),
      { killOne: true },
    );
    const killed = result.killed!;

    // every job succeeded; each ran once, the killed one twice (taken again when its lease ran out)
    const byType = (t: string) => result.jobs.filter((j) => j.type === t).length;
    expect({ ingestAudio: byType('ingest-audio'), ingestEbook: byType('ingest-ebook'), align: byType('align-chapter'), export: byType('export-corpus') }).toEqual({
      ingestAudio: CHAPTERS,
      ingestEbook: 1,
      align: CHAPTERS,
      export: 1,
    });
    expect(result.jobs.filter((j) => j.status !== 'succeeded')).toEqual([]);
    expect(result.jobs.filter((j) => j.attempts !== (j.id === killed.jobId ? 2 : 1))).toEqual([]);
    const again = result.jobs.find((j) => j.id === killed.jobId)!;
    expect(killed.worker.owns(again.lockedBy)).toBe(false);
    // the workers' own reports: each job succeeded in exactly one worker, never in the one killed
    const succeededIn = (id: string) => result.workers.filter((w) => w.log().includes(` ${id}: succeeded`)).length;
    expect(result.jobs.filter((j) => succeededIn(j.id) !== 1).map((j) => j.id)).toEqual([]);
    expect(killed.worker.log()).not.toContain(`${killed.jobId}: succeeded`);
    const perWorker = result.workers.map((w) => (w.log().match(/: succeeded/g) ?? []).length);
    expect(perWorker.filter((n) => n > 0).length).toBeGreaterThanOrEqual(2); // the work was shared

    // nothing went through a shared disk: the export is in the bucket, not in the web side's directory
    expect(result.exportRow.storageKey, 'Export.storageKey: the export job must publish to storage (exports/<id>/…)').toBe(
      `exports/${result.exportRow.id}`,
    );
    expect(existsSync(result.exportRow.dir)).toBe(false);
    for (const dir of scratch) {
      const left = existsSync(dir) ? await readdir(dir) : [];
      expect(left.filter((e) => e === 'files' || e === 'exports'), `${dir} holds stored files`).toEqual([]);
      // the export was built in one worker's scratch and published: no copy stays behind
      expect(existsSync(path.join(dir, 'export-scratch', result.exportRow.id)), `${dir} still holds the export`).toBe(false);
    }

    // the same export as the single worker's, byte for byte, once the ids are swapped for the baseline's
    expect(result.ids.length).toBe(baseline.ids.length);
    const pairs = result.ids.map((id, i) => [id, baseline!.ids[i]!] as const);
    expect([...result.files.keys()].sort()).toEqual([...baseline.files.keys()].sort());
    const differing: string[] = [];
    for (const name of result.files.keys()) {
      const a = canonical(name, baseline.files, []);
      const b = canonical(name, result.files, pairs);
      if (typeof a === 'string' ? a === b : b instanceof Buffer && a.equals(b)) continue;
      // a text file: its first differing lines, to say what differs
      const [la, lb] = [a, b].map((x) => x.toString().split('\n'));
      const lines = la!.flatMap((l, i) => (l === lb![i] ? [] : [`  baseline: ${l}\n  4 workers: ${lb![i]}`])).slice(0, 5);
      differing.push(name.endsWith('.json') || name.endsWith('.jsonl') || name.endsWith('.txt') ? `${name}\n${lines.join('\n')}` : name);
    }
    expect(differing).toEqual([]);
    // the reframing itself changes nothing in a shard whose ids are its own
    for (const [name, bytes] of baseline.files) if (name.startsWith('tfrecord')) expect(reframeTFRecords(bytes).equals(bytes)).toBe(true);

    const names = result.workers.map((w, i) => `worker ${i + 1}${w === killed.worker ? ' (killed)' : ''}: ${perWorker[i]} jobs`);
    console.log(
      `[multi-worker] 4 workers on PostgreSQL + S3: ${result.jobs.length} jobs (${CHAPTERS} ingest-audio, 1 ingest-ebook, ${CHAPTERS} align-chapter, 1 export-corpus), ` +
        `1 SIGKILL survived (${killed.type} ${killed.jobId} taken again after the ${LEASE_SECONDS} s lease), ${(result.wallMs / 1000).toFixed(1)} s wall ` +
        `(baseline, 1 worker on SQLite: ${(baseline.wallMs / 1000).toFixed(1)} s); ${names.join(', ')}; mean per job: ${jobSeconds(result.jobs)}; export ${result.files.size} files, identical`,
    );
  }, 300_000);
});
