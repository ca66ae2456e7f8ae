// The bad-input suite of issue #10: every hostile input of lib/testing/hostile runs through its real entry point (the
// upload use case and its ingest job, or the route handler with a Request) and must end in a clear error naming the
// file or field, within a bounded time, with the existing project and book untouched. It lives in app/ because
// lib/ may not import route handlers. Prints a table (input, outcome, ms, peak RSS delta) to quote.
import { readdirSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { getIP } from 'better-auth/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestEnv } from '@/lib/testing/use-test-env.ts';
import { getDb } from '@/lib/db/client.ts';
import { getAuth } from '@/lib/auth/auth.ts';
import { createUser } from '@/lib/auth/create-user.ts';
import { signIn } from '@/lib/auth/sign-in.ts';
import { safeNextPath } from '@/lib/auth/safe-next-path.ts';
import { isAppError } from '@/lib/errors/app-error.ts';
import { createProject } from '@/lib/ingest/create-project.ts';
import { createBook } from '@/lib/ingest/create-book.ts';
import { setBookEbook } from '@/lib/ingest/set-book-ebook.ts';
import { addBookAudio } from '@/lib/ingest/add-book-audio.ts';
import { ingestAudioJob, ingestEbookJob } from '@/lib/ingest/book-jobs.ts';
import { createJobRegistry } from '@/lib/jobs/create-job-registry.ts';
import { workJobs } from '@/lib/jobs/work-jobs.ts';
import { buildTestZip } from '@/lib/text/test-zip.ts';
import { HOSTILE_CASES, type HostileCase, type HostileFile, type HostileRequest } from '@/lib/testing/hostile/index.ts';
import * as projects from './projects/route.ts';

// uploads of at most 1 MB per file, so the ZIP bomb's 12 MB is far past what a 1 MB upload may unpack to
const env = useTestEnv({ env: { ALINEA_MAX_UPLOAD_MB: '1' } });
const registry = createJobRegistry([ingestAudioJob, ingestEbookJob]);
const SITE = 'http://localhost:3000';
const TIME_BOUND_MS = 60_000; // generous: a busy 2-core machine; each takes a few seconds at most
let cookie = '';
let keep = { projectId: '', bookId: '' };
const rows: { input: string; outcome: string; ms: number; rssMb: string }[] = [];

/** Everything about the project and book that must survive: their rows, their audio, and their files on disk. */
async function snapshot() {
  const db = getDb();
  const project = await db.project.findUniqueOrThrow({ where: { id: keep.projectId } });
  const book = await db.book.findUniqueOrThrow({ where: { id: keep.bookId }, include: { audioFiles: { orderBy: { position: 'asc' } } } });
  const dir = path.join(env.dataDir, 'files', 'books', keep.bookId);
  const files = existsSync(dir)
    ? readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => { const p = path.join(e.parentPath, e.name); return `${path.relative(dir, p)}:${statSync(p).size}`; })
        .sort()
    : [];
  return JSON.stringify({ project, book, files, projects: await db.project.count() });
}

/** A fresh book for one hostile upload, so the error is the upload's own (and the kept book is not its target). */
async function targetBook(name: string) {
  return createBook({ projectId: keep.projectId, title: `Hostile: ${name}` });
}

async function upload(c: HostileCase, input: HostileFile): Promise<{ code?: string; message: string; status?: number }> {
  const book = await targetBook(c.name);
  const source = Readable.from([Buffer.from(input.bytes)]);
  try {
    if (c.entry === 'ebook upload') await setBookEbook(book.id, input.fileName, source);
    else await addBookAudio(book.id, input.fileName, source);
  } catch (e) {
    if (isAppError(e)) return { code: e.code, message: e.message };
    throw e;
  }
  // accepted at upload: the ingest job is where the file is read
  await workJobs({ registry, bookId: book.id, untilIdle: true, pollMs: 50 });
  const db = getDb();
  if (c.entry === 'ebook upload') {
    const b = await db.book.findUniqueOrThrow({ where: { id: book.id } });
    const job = await db.job.findFirst({ where: { bookId: book.id, type: ingestEbookJob.name } });
    return { code: b.ebookStatus, message: b.ebookError ?? job?.error ?? '(no error)' };
  }
  const audio = await db.audioFile.findMany({ where: { bookId: book.id } });
  return { code: audio.map((a) => a.status).join(','), message: audio.map((a) => a.error ?? '(no error)').join('; ') };
}

async function request(c: HostileCase, input: HostileRequest) {
  const req = new Request(`${SITE}/api/projects`, {
    method: 'POST',
    body: input.body,
    headers: { host: 'localhost:3000', cookie, ...(c.entry === 'json body' ? { origin: SITE } : {}), ...input.headers },
  });
  const res = await projects.POST(req, { params: Promise.resolve({}) });
  const body = (await res.json()) as { error?: { code: string; message: string } };
  return { status: res.status, code: body.error?.code, message: body.error?.message ?? '' };
}

describe('hostile inputs (issue #10)', () => {
  beforeAll(async () => {
    await createUser({ email: 'admin@example.org', password: 'admin password', role: 'admin' });
    cookie = (await signIn('admin@example.org', 'admin password')).cookie;
    // the data that must stay as it is: a project, a book with an ebook and an audio file
    const project = await createProject({ name: 'Intacto' });
    const book = await createBook({ projectId: project.id, title: 'Libro intacto' });
    keep = { projectId: project.id, bookId: book.id };
    await setBookEbook(book.id, 'intacto.txt', Readable.from([Buffer.from('Capítulo uno.\n\nÉrase una vez.\n')]));
    await addBookAudio(book.id, 'audio.zip', Readable.from([Buffer.from(buildTestZip([{ name: '01.wav', data: new Uint8Array(64) }]))]));
  });
  afterAll(() => {
    console.log(`\nHostile inputs (issue #10)\n${'input'.padEnd(48)} ${'outcome'.padEnd(44)} ${'ms'.padStart(6)} ${'peak RSS Δ'.padStart(10)}`);
    for (const r of rows) console.log(`${r.input.padEnd(48)} ${r.outcome.slice(0, 44).padEnd(44)} ${String(r.ms).padStart(6)} ${r.rssMb.padStart(10)}`);
  });

  it('lists every entry point the suite knows how to drive', () => {
    expect(new Set(HOSTILE_CASES.map((c) => c.entry))).toEqual(
      new Set(['ebook upload', 'audio upload', 'json body', 'cross-site post', 'forwarded address', 'redirect target']),
    );
  });

  for (const c of HOSTILE_CASES) {
    it(`${c.name}: refused clearly through ${c.entry}, in bounded time, nothing else touched`, async () => {
      const before = await snapshot();
      const input = await c.build();
      let peak = process.memoryUsage().rss;
      const rss0 = peak;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
      const t0 = performance.now();
      let outcome: string;
      try {
        if (input.kind === 'file') {
          const r = await upload(c, input);
          expect(r.code, r.message).toBe(c.expect.code);
          expect(r.message).toMatch(c.expect.message!);
          outcome = `${r.code}: ${r.message}`;
        } else if (input.kind === 'request' && c.entry === 'forwarded address') {
          // without ALINEA_TRUST_PROXY the header is not believed: the client cannot pick the address it is throttled by
          const ip = getIP(new Request(`${SITE}/api/auth/sign-in/email`, { method: 'POST', headers: input.headers }), getAuth().options);
          expect(ip).toBeNull();
          outcome = 'X-Forwarded-For ignored (address unknown)';
        } else if (input.kind === 'request') {
          const r = await request(c, input);
          expect(r.status, r.message).toBe(c.expect.status);
          expect(r.code).toBe(c.expect.code);
          if (c.expect.message) expect(r.message).toMatch(c.expect.message);
          outcome = `${r.status} ${r.code}: ${r.message}`;
        } else {
          const targets = input.values.map((v) => safeNextPath(v));
          expect(targets).toEqual(input.values.map(() => '/'));
          outcome = `${input.values.length} targets → "/"`;
        }
      } finally {
        clearInterval(sampler);
      }
      const ms = Math.round(performance.now() - t0);
      expect(ms).toBeLessThan(TIME_BOUND_MS);
      peak = Math.max(peak, process.memoryUsage().rss);
      expect(peak - rss0).toBeLessThan(512 * 1024 * 1024);
      expect(await snapshot()).toBe(before);
      rows.push({ input: c.name, outcome, ms, rssMb: `${((peak - rss0) / 1048576).toFixed(0)} MB` });
    }, TIME_BOUND_MS * 2);
  }
});
