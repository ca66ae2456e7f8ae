// Bench: what one review request costs the server, load-insensitive: the route handlers called in-process (no
// HTTP, no Next server), one request at a time, on SQLite and on PostgreSQL. For each request type it prints the
// database statements per request (counted at the driver: better-sqlite3's prepare, pg's Client.query — BEGIN and
// COMMIT included), the process CPU per request (process.cpuUsage over all iterations: for SQLite that includes
// the database engine, for PostgreSQL only this side of the socket) and the mean wall time.
// Request types: the session check alone (requireUser), GET the chapter's fragments, GET its review queue (as the
// editor asks for it), GET its review progress, POST a boundary drag, PATCH a text, PATCH a status (approve /
// reopen). Every route call includes its own session check.
// Before the timed part, each measured paragraph gets about --history revisions from real boundary drags (a
// paragraph being reviewed has a history: saves that read it pay for it).
// Run: npx tsx bench/review-request-cost.ts [--db sqlite,postgres] [--iterations 200] [--paragraphs 120] [--history 50]
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { resetConfigForTests } from '../lib/config/env.ts';
import { disconnectDb } from '../lib/db/client.ts';
import { migrateDatabase } from '../lib/db/migrate-database.ts';
import { createUser } from '../lib/auth/create-user.ts';
import { signIn } from '../lib/auth/sign-in.ts';
import { requireUser } from '../lib/auth/require-user.ts';
import { seedReviewChapter } from '../lib/testing/seed-review-chapter.ts';
import * as fragmentsRoute from '../app/api/chapters/[chapterId]/fragments/route.ts';
import * as queueRoute from '../app/api/chapters/[chapterId]/review-queue/route.ts';
import * as progressRoute from '../app/api/chapters/[chapterId]/review-progress/route.ts';
import * as boundaryRoute from '../app/api/fragments/boundary/route.ts';
import * as fragmentRoute from '../app/api/fragments/[fragmentId]/route.ts';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'sqlite,postgres' },
    iterations: { type: 'string', default: '200' },
    paragraphs: { type: 'string', default: '120' },
    history: { type: 'string', default: '50' },
    sql: { type: 'boolean', default: false },
  },
});
const DBS = values.db.split(',').map((s) => s.trim()) as ('sqlite' | 'postgres')[];
const ITERATIONS = Number(values.iterations);
const PARAGRAPHS = Number(values.paragraphs);
const HISTORY = Number(values.history);
/** The paragraphs the saves go to (their boundaries, texts and statuses). */
const MEASURED = 24;
const SITE = 'http://localhost:3000';
const PARAGRAPH_SEC = 6;

// ---------------------------------------------------------------- statements, counted at the drivers
const require = createRequire(import.meta.url);
let statements = 0;
/** --sql: every statement of one request of each type, printed. */
let logSql = false;
const logged = (sql: unknown) => {
  if (logSql) console.log('   ', String(typeof sql === 'object' && sql !== null ? (sql as { text?: unknown }).text ?? '' : sql).replace(/\s+/g, ' ').slice(0, 220));
};
{
  const Database = require('better-sqlite3') as { prototype: { prepare: (...a: unknown[]) => unknown } };
  const prepare = Database.prototype.prepare;
  Database.prototype.prepare = function (this: unknown, ...a: unknown[]) {
    statements++;
    logged(a[0]);
    return prepare.apply(this, a);
  };
  const pg = require('pg') as { Client: { prototype: { query: (...a: unknown[]) => unknown } } };
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: unknown, ...a: unknown[]) {
    statements++;
    logged(a[0]);
    return query.apply(this, a);
  };
}

type View = { id: string; version: number; begin: number | null; end: number | null; text: string; status: string };
type Row = { db: string; request: string; queries: number; cpuMs: number; wallMs: number };

async function json<T>(res: Response, what: string): Promise<T> {
  const body = (await res.json()) as T;
  if (res.status !== 200) throw new Error(`${what}: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
  return body;
}

async function measureDb(kind: 'sqlite' | 'postgres'): Promise<Row[]> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'alinea-request-cost-'));
  let stopPostgres: (() => Promise<void>) | undefined;
  process.env.ALINEA_DATA_DIR = dataDir;
  process.env.BETTER_AUTH_SECRET ??= 'bench-secret-bench-secret-bench-secret-0123';
  if (kind === 'postgres') {
    const { startPostgres } = await import('../lib/testing/start-postgres.ts');
    const pg = await startPostgres();
    stopPostgres = pg.stop;
    process.env.DATABASE_URL = pg.url;
  } else {
    process.env.DATABASE_URL = `file:${path.join(dataDir, 'alinea.db')}`;
  }
  resetConfigForTests();
  try {
    await migrateDatabase();
    const { chapterId, fragments } = await seedReviewChapter({
      durationSec: PARAGRAPHS * PARAGRAPH_SEC,
      fragments: Array.from({ length: PARAGRAPHS }, (_, i) => {
        const begin = i * PARAGRAPH_SEC;
        return {
          text: `Frase primera del párrafo ${i + 1}. Y una segunda frase, algo más larga, para la revisión.`,
          begin,
          end: begin + PARAGRAPH_SEC,
          confidence: ((i * 37) % 100) / 100,
          flag: i % 20 === 7 ? 'not-in-audio' : null,
          sentences: [
            { begin, end: begin + PARAGRAPH_SEC / 2, confidence: 0.9 },
            { begin: begin + PARAGRAPH_SEC / 2, end: begin + PARAGRAPH_SEC, confidence: 0.8 },
          ],
        };
      }),
    });
    const password = 'Tortuga salada 4821 revisa';
    await createUser({ email: 'bench@alinea.local', password, role: 'reviewer' });
    const { cookie } = await signIn('bench@alinea.local', password);
    const headers = { host: 'localhost:3000', origin: SITE, cookie, 'content-type': 'application/json' };
    const chapterCtx = { params: Promise.resolve({ chapterId }) };
    const frags = new Map<string, View>(fragments.map((f) => [f.id, { ...(f as unknown as View), version: 1 }]));
    const ids = fragments.map((f) => f.id);
    const take = (...views: View[]) => views.forEach((v) => frags.set(v.id, v));
    {
      const all = await json<{ chapter: { fragments: View[] } }>(await fragmentsRoute.GET(new Request(`${SITE}/api/chapters/${chapterId}/fragments`, { headers }), chapterCtx), 'fragments');
      take(...all.chapter.fragments);
    }

    let moves = 0;
    const boundary = async () => {
      const i = moves++ % (MEASURED - 1);
      const left = frags.get(ids[i]!)!;
      const right = frags.get(ids[i + 1]!)!;
      // back and forth around the paragraph's own boundary: a new time each time, now and then an old one (undo)
      const home = (i + 1) * PARAGRAPH_SEC;
      const time = home + (((moves * 7) % 11) - 5) * 0.1;
      const req = new Request(`${SITE}/api/fragments/boundary`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ left: { fragmentId: left.id, expectedVersion: left.version }, right: { fragmentId: right.id, expectedVersion: right.version }, time }),
      });
      const out = await json<{ left: View; right: View }>(await boundaryRoute.POST(req, { params: Promise.resolve({}) }), 'boundary');
      take(out.left, out.right);
    };
    let edits = 0;
    const patch = async (changes: (f: View) => object) => {
      const f = frags.get(ids[edits++ % MEASURED]!)!;
      const req = new Request(`${SITE}/api/fragments/${f.id}`, { method: 'PATCH', headers, body: JSON.stringify({ expectedVersion: f.version, changes: changes(f) }) });
      take((await json<{ fragment: View }>(await fragmentRoute.PATCH(req, { params: Promise.resolve({ fragmentId: f.id }) }), 'patch')).fragment);
    };
    const requests: [string, () => Promise<unknown>][] = [
      ['session check', () => requireUser(new Headers(headers))],
      ['GET fragments', async () => json(await fragmentsRoute.GET(new Request(`${SITE}/api/chapters/${chapterId}/fragments`, { headers }), chapterCtx), 'fragments')],
      [
        'GET review-queue',
        async () => json(await queueRoute.GET(new Request(`${SITE}/api/chapters/${chapterId}/review-queue?limit=100&status=auto,edited`, { headers }), chapterCtx), 'queue'),
      ],
      ['GET review-progress', async () => json(await progressRoute.GET(new Request(`${SITE}/api/chapters/${chapterId}/review-progress`, { headers }), chapterCtx), 'progress')],
      ['POST boundary', boundary],
      ['PATCH text', () => patch((f) => ({ text: `${f.text.replace(/ \[e\d+\]$/, '')} [e${edits}]` }))],
      ['PATCH approve', () => patch((f) => ({ status: f.status === 'approved' ? 'edited' : 'approved' }))],
    ];

    // history: each measured paragraph gets ~HISTORY revisions (two boundary drags per pair touch each inner one)
    for (let k = 0; k < Math.ceil(HISTORY / 2) * (MEASURED - 1); k++) await boundary();

    const rows: Row[] = [];
    for (const [name, run] of requests) {
      for (let k = 0; k < Math.min(20, ITERATIONS); k++) await run(); // warm-up (JIT, statement caches)
      if (values.sql) {
        console.log(`${kind} ${name}:`);
        logSql = true;
        await run();
        logSql = false;
      }
      statements = 0;
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      for (let k = 0; k < ITERATIONS; k++) await run();
      const wall = performance.now() - t0;
      const cpu = process.cpuUsage(cpu0);
      rows.push({
        db: kind,
        request: name,
        queries: statements / ITERATIONS,
        cpuMs: (cpu.user + cpu.system) / 1000 / ITERATIONS,
        wallMs: wall / ITERATIONS,
      });
    }
    return rows;
  } finally {
    await disconnectDb();
    await stopPostgres?.();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const rows: Row[] = [];
for (const kind of DBS) rows.push(...(await measureDb(kind)));
const pad = (s: string | number, n: number) => String(s).padStart(n);
console.log(`\n${ITERATIONS} iterations per request, ${PARAGRAPHS} paragraphs, ~${HISTORY} revisions per edited paragraph; load average ${loadavg()[0]!.toFixed(2)}`);
console.log(`${'db'.padEnd(9)}${'request'.padEnd(22)}${pad('queries', 8)}${pad('cpu ms', 9)}${pad('wall ms', 9)}`);
for (const r of rows) {
  console.log(`${r.db.padEnd(9)}${r.request.padEnd(22)}${pad(r.queries.toFixed(1), 8)}${pad(r.cpuMs.toFixed(2), 9)}${pad(r.wallMs.toFixed(2), 9)}`);
}
process.exit(0);
