// Bench: N simulated reviewers against the production server (`next start`), on SQLite and on PostgreSQL, for a
// fixed time. Each reviewer signs in (before the timed window), then loops: opens a chapter (the review page's
// HTML, the chapter's fragments, its review queue and progress), and does 10–20 edits on paragraphs mostly its own
// (a block of its chapter; `--overlap` of them anywhere in the chapter, so real 409s happen): drags a shared
// boundary (POST /api/fragments/boundary), edits a paragraph's text or approves it (PATCH /api/fragments/:id),
// re-reading the queue and progress every 4 edits, with `--think-ms` (± 50 %) between edits. Every save carries the
// version the client last saw; a 409 hands back the paragraph as it is now, which the client takes.
// Lost edits: after the run, every save a client was told succeeded (fragment, version, begin/end/text/status)
// must be in the database: the revision of that version exists once and records that state, no paragraph is
// behind a version a client was told about, and a paragraph still at that version holds that state.
// Target (issue 12): 50 reviewers on this 2-core machine: save p95 ≤ 150 ms, no errors but 409s, 0 lost edits.
// The load generator runs on the same machine as the server (and, here, beside other work): its CPU counts too.
//
// Needs a production build (`npx next build`, or --build: under `flock /tmp/e2e.lock`). The build is copied to
// tmp/load-bench-app (a build another process starts meanwhile cannot pull files from under the server).
// Run: npx tsx bench/load-reviewers.ts [--db sqlite,postgres] [--clients 10,50] [--web 1] [--seconds 30] [--think-ms 1000]
//        [--overlap 0.1] [--chapters 10] [--paragraphs 120] [--build] [--keep]
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, symlinkSync, copyFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { DumpedFragment, SeededLoadBook } from './lib/load-reviewers-db.ts';
import { freePort } from '../lib/testing/free-port.ts';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'sqlite,postgres' },
    clients: { type: 'string', default: '10,50' },
    seconds: { type: 'string', default: '30' },
    'think-ms': { type: 'string', default: '1000' },
    overlap: { type: 'string', default: '0.1' },
    chapters: { type: 'string', default: '10' },
    paragraphs: { type: 'string', default: '120' },
    build: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    web: { type: 'string', default: '1' },
    /** next start --experimental-cpu-prof: the server's CPU profile lands in tmp/load-bench-app/.next-profiles */
    'cpu-prof': { type: 'boolean', default: false },
  },
});
const DBS = values.db.split(',').map((s) => s.trim()) as ('sqlite' | 'postgres')[];
const CLIENTS = values.clients.split(',').map(Number);
const SECONDS = Number(values.seconds);
const THINK_MS = Number(values['think-ms']);
const WEB = Math.max(1, Number(values.web));
const OVERLAP = Number(values.overlap);
const CHAPTERS = Number(values.chapters);
const PARAGRAPHS = Number(values.paragraphs);
const PASSWORD = 'Tortuga salada 4821 revisa';
const ROOT = process.cwd();
const APP = path.join(ROOT, 'tmp', 'load-bench-app');
const DB_SCRIPT = path.join(ROOT, 'bench', 'lib', 'load-reviewers-db.ts');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? NaN;
};
const round = (x: number, d = 0) => Math.round(x * 10 ** d) / 10 ** d;

// ---------------------------------------------------------------- what this process started, stopped on any exit
const cleanups: (() => void)[] = [];
function cleanupNow() {
  while (cleanups.length) {
    try {
      cleanups.pop()!();
    } catch {
      /* best effort */
    }
  }
}
process.on('exit', cleanupNow);
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    console.error(`\n${sig}: stopping what the bench started`);
    process.exit(130); // the 'exit' handlers stop the server and PostgreSQL (startPostgres registers its own)
  });
}


/** A private copy of the production build (without its cache), remade when .next holds another build. */
function prepareApp() {
  if (values.build) execFileSync('flock', ['/tmp/e2e.lock', 'npx', 'next', 'build'], { stdio: 'inherit' });
  if (!existsSync('.next/BUILD_ID')) {
    // another process is building: the copy made earlier will do
    if (existsSync(path.join(APP, '.next/BUILD_ID'))) return console.error('.next has no build now: using the copy in tmp/load-bench-app');
    throw new Error('Build the app first: flock /tmp/e2e.lock npx next build (or pass --build)');
  }
  const want = readFileSync('.next/BUILD_ID', 'utf8');
  if (existsSync(path.join(APP, '.next/BUILD_ID')) && readFileSync(path.join(APP, '.next/BUILD_ID'), 'utf8') === want) return;
  console.error('copying the production build to tmp/load-bench-app (waits for /tmp/e2e.lock) …');
  rmSync(APP, { recursive: true, force: true });
  mkdirSync(path.join(APP, '.next'), { recursive: true });
  execFileSync('flock', ['/tmp/e2e.lock', 'sh', '-c', `tar --exclude=./cache -cf - -C .next . | tar -xf - -C "${path.join(APP, '.next')}"`]);
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(APP, 'node_modules'));
  for (const f of ['package.json', 'next.config.ts']) copyFileSync(f, path.join(APP, f));
}

function runDbScript<T>(env: NodeJS.ProcessEnv, args: string[]): T {
  const out = execFileSync(process.execPath, ['--import', 'tsx', DB_SCRIPT, ...args], { env, encoding: 'utf8', maxBuffer: 1 << 28 });
  return JSON.parse(out.trim().split('\n').pop()!) as T;
}

// ---------------------------------------------------------------- one database: data dir, server, runs
type Row = {
  db: string;
  /** `next start` processes. */
  web: number;
  clients: number;
  seconds: number;
  requests: number;
  rps: number;
  read: [number, number, number];
  save: [number, number, number];
  page95: number;
  saveServer95: number;
  saves: number;
  conflicts: number;
  errors: number;
  lost: number;
  signIn95: number;
  /** The machine's 1-minute load average at the end of the run (2 cores: above 2, processes waited for a CPU). */
  load: number;
  routes: Record<string, { n: number; p50: number; p95: number }>;
  errorSamples: string[];
};

async function withDatabase(kind: 'sqlite' | 'postgres', run: (env: NodeJS.ProcessEnv, bases: string[]) => Promise<void>) {
  const dir = mkdtempSync(path.join(tmpdir(), `alinea-load-${kind}-`));
  const dataDir = path.join(dir, 'data');
  mkdirSync(dataDir, { recursive: true });
  if (!values.keep) cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  let databaseUrl = `file:${path.join(dataDir, 'alinea.db')}`;
  let pgStop: (() => Promise<void>) | null = null;
  if (kind === 'postgres') {
    const { startPostgres } = await import('../lib/testing/start-postgres.ts');
    const pg = await startPostgres(); // stops itself on process exit too
    pgStop = pg.stop;
    const { default: pgLib } = await import('pg');
    const admin = new pgLib.Client({ connectionString: pg.url });
    await admin.connect();
    await admin.query('CREATE DATABASE alinea_load');
    await admin.end();
    databaseUrl = pg.urlFor('alinea_load');
  }
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', ALINEA_DATA_DIR: dataDir, DATABASE_URL: databaseUrl };
  execFileSync(process.execPath, ['bin/alinea.mjs', 'migrate'], { env, stdio: 'ignore' });
  // --web N: N `next start` processes on N ports over the one database, each reviewer on one of them (a sticky
  // load balancer); each server is its own ALINEA_AUTH_URL, as behind a balancer that forwards the host
  const servers: { base: string; log: string; proc: ChildProcess; stop: () => void }[] = [];
  const stopAll = () => servers.forEach((s) => s.stop());
  cleanups.push(stopAll);
  try {
    for (let k = 0; k < WEB; k++) {
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      const log = path.join(dir, `server-${k}.log`);
      const proc: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'node_modules/next/dist/bin/next'), 'start', APP, '-H', '127.0.0.1', '-p', String(port), '--keepAliveTimeout', '65000', ...(values['cpu-prof'] ? ['--experimental-cpu-prof'] : [])], {
        env: { ...env, ALINEA_AUTH_URL: base },
        stdio: ['ignore', openSync(log, 'a'), openSync(log, 'a')],
        detached: true, // its own process group: the whole group is ended
      });
      const stop = () => {
        try {
          process.kill(-proc.pid!, 'SIGTERM');
        } catch {
          /* already gone */
        }
      };
      servers.push({ base, log, proc, stop });
    }
    for (const { base, log, proc } of servers) {
      for (let i = 0; ; i++) {
        try {
          if ((await fetch(`${base}/api/projects`)).status < 500) break;
        } catch {
          /* not up yet */
        }
        if (i > 240 || proc.exitCode !== null) throw new Error(`the server did not start:\n${readFileSync(log, 'utf8').slice(-3000)}`);
        await sleep(250);
      }
    }
    await run(env, servers.map((s) => s.base));
  } catch (e) {
    for (const { log } of servers) if (existsSync(log)) console.error(`server log (tail):\n${readFileSync(log, 'utf8').slice(-3000)}`);
    throw e;
  } finally {
    stopAll();
    cleanups.splice(cleanups.indexOf(stopAll), 1);
    if (pgStop) await pgStop();
  }
}

// ---------------------------------------------------------------- a simulated reviewer
type View = { id: string; position: number; begin: number | null; end: number | null; text: string; status: string; version: number };
type Ack = { fragmentId: string; version: number; begin: number | null; end: number | null; text: string; status: string; client: number };
type Sample = { kind: 'page' | 'read' | 'save'; route: string; ms: number; status: number; serverMs?: number };

class Reviewer {
  cookie = '';
  frags: View[] = [];
  samples: Sample[] = [];
  acks: Ack[] = [];
  errors: string[] = [];
  conflicts = 0;
  edits = 0;
  private rnd: () => number;

  constructor(
    readonly n: number,
    readonly base: string,
    readonly email: string,
    readonly chapterId: string,
    /** Its own block of the chapter's paragraphs, [lo, hi). */
    readonly lo: number,
    readonly hi: number,
  ) {
    let s = 1000 + n * 7919;
    this.rnd = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  }

  private async request(kind: Sample['kind'], url: string, init: { method?: string; body?: unknown } = {}) {
    const t = performance.now();
    let status = 0;
    let body: unknown = null;
    let serverMs: number | undefined;
    try {
      const res = await fetch(this.base + url, {
        method: init.method ?? 'GET',
        headers: {
          cookie: this.cookie,
          ...(init.body !== undefined ? { 'content-type': 'application/json', origin: this.base } : {}),
        },
        body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
        signal: AbortSignal.timeout(30_000),
      });
      status = res.status;
      const st = /save;dur=([\d.]+)/.exec(res.headers.get('server-timing') ?? '')?.[1];
      if (st) serverMs = Number(st);
      const text = await res.text();
      body = res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text;
    } catch (e) {
      body = String(e);
    }
    const route = `${init.method ?? 'GET'} ${url.replace(/\/c[a-z0-9]{20,}/g, '/:id').replace(/\?.*/, '')}`;
    this.samples.push({ kind, route, ms: performance.now() - t, status, serverMs });
    if (status !== 200 && status !== 409) this.errors.push(`${route} → ${status} ${JSON.stringify(body).slice(0, 200)}`);
    return { status, body: body as Record<string, unknown> };
  }

  async signIn(attempt = 1): Promise<number> {
    const t = performance.now();
    const res = await fetch(`${this.base}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: this.base },
      body: JSON.stringify({ email: this.email, password: PASSWORD }),
    }).catch((e: unknown) => {
      if (attempt < 3) return null; // a kept-alive socket the server had just closed
      throw e;
    });
    if (!res) return this.signIn(attempt + 1);
    if (!res.ok) throw new Error(`sign-in of ${this.email}: ${res.status} ${await res.text()}`);
    this.cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    return performance.now() - t;
  }

  private take(views: View[]) {
    for (const v of views) {
      const i = this.frags.findIndex((f) => f.id === v.id);
      if (i >= 0) this.frags[i] = v;
    }
  }

  private ack(views: View[]) {
    this.take(views);
    for (const v of views) this.acks.push({ fragmentId: v.id, version: v.version, begin: v.begin, end: v.end, text: v.text, status: v.status, client: this.n });
  }

  private async save(url: string, method: string, body: unknown) {
    const r = await this.request('save', url, { method, body });
    if (r.status === 200) {
      const b = r.body as { left?: View; right?: View; fragment?: View };
      this.ack(b.fragment ? [b.fragment] : [b.left!, b.right!]);
    } else if (r.status === 409) {
      this.conflicts++;
      const d = (r.body as { error?: { details?: { fragment?: View; fragments?: View[] } } }).error?.details;
      this.take(d?.fragments ?? (d?.fragment ? [d.fragment] : []));
    }
  }

  private async readQueue() {
    await this.request('read', `/api/chapters/${this.chapterId}/review-queue?limit=100&status=auto,edited`);
    await this.request('read', `/api/chapters/${this.chapterId}/review-progress`);
  }

  async openChapter() {
    await this.request('page', `/chapters/${this.chapterId}/review`);
    const r = await this.request('read', `/api/chapters/${this.chapterId}/fragments`);
    if (r.status === 200) this.frags = (r.body as { chapter: { fragments: View[] } }).chapter.fragments;
    await this.readQueue();
  }

  /** One edit: a boundary drag (50 %), a text edit (30 %) or an approval (20 %). */
  async edit() {
    const P = this.frags.length;
    if (P < 2) return;
    const anywhere = this.rnd() < OVERLAP;
    const pick = () => (anywhere ? Math.floor(this.rnd() * P) : this.lo + Math.floor(this.rnd() * (this.hi - this.lo)));
    const r = this.rnd();
    this.edits++;
    if (r < 0.5) {
      const i = Math.min(pick(), P - 2);
      const left = this.frags[i]!;
      const right = this.frags[i + 1]!;
      if (left.begin === null || right.end === null || left.end === null) return;
      const room = [left.begin + 0.3, right.end - 0.3];
      const time = Math.min(room[1]!, Math.max(room[0]!, left.end + (this.rnd() - 0.5) * 1.6));
      await this.save('/api/fragments/boundary', 'POST', {
        left: { fragmentId: left.id, expectedVersion: left.version },
        right: { fragmentId: right.id, expectedVersion: right.version },
        time,
      });
    } else if (r < 0.8) {
      const f = this.frags[pick()]!;
      const text = `${f.text.replace(/ \[r\d+\.\d+\]$/, '')} [r${this.n}.${this.edits}]`;
      await this.save(`/api/fragments/${f.id}`, 'PATCH', { expectedVersion: f.version, changes: { text } });
    } else {
      const f = this.frags[pick()]!;
      const status = f.status === 'approved' ? 'edited' : 'approved'; // an approved one is reopened: still a write
      await this.save(`/api/fragments/${f.id}`, 'PATCH', { expectedVersion: f.version, changes: { status } });
    }
  }

  async loop(until: number) {
    // reviewers arrive over the first two think times (at most 10 s), not all in the same millisecond
    await sleep(this.rnd() * Math.min(10_000, Math.max(2000, 2 * THINK_MS)));
    while (performance.now() < until) {
      await this.openChapter();
      const edits = 10 + Math.floor(this.rnd() * 11);
      for (let k = 0; k < edits && performance.now() < until; k++) {
        await sleep(THINK_MS * (0.5 + this.rnd()));
        if (performance.now() >= until) break;
        await this.edit();
        if (k % 4 === 3) await this.readQueue();
      }
    }
  }
}

// ---------------------------------------------------------------- lost edits
function countLost(acks: Ack[], dumped: DumpedFragment[]): { lost: number; examples: string[] } {
  const byId = new Map(dumped.map((f) => [f.id, f]));
  const same = (a: { begin: number | null; end: number | null; text: string; status: string }, b: typeof a) =>
    a.text === b.text && a.status === b.status && Math.abs((a.begin ?? -1) - (b.begin ?? -1)) < 1e-6 && Math.abs((a.end ?? -1) - (b.end ?? -1)) < 1e-6;
  const bad = new Set<Ack>();
  const examples: string[] = [];
  const fail = (a: Ack, why: string) => {
    if (!bad.has(a) && examples.length < 5) examples.push(`client ${a.client} fragment ${a.fragmentId} v${a.version}: ${why}`);
    bad.add(a);
  };
  const told = new Map<string, Ack>(); // fragment@version → what a client was told
  for (const a of acks) {
    const f = byId.get(a.fragmentId);
    if (!f) {
      fail(a, 'the paragraph is gone');
      continue;
    }
    const key = `${a.fragmentId}@${a.version}`;
    const other = told.get(key);
    if (other && !same(other, a)) fail(a, `client ${other.client} was told another state for the same version`);
    told.set(key, a);
    const revs = f.revisions.filter((r) => r.version === a.version);
    if (revs.length !== 1) fail(a, `${revs.length} revisions of this version`);
    else if (!same(revs[0]!.after, a)) fail(a, 'its revision records another state');
    if (f.version < a.version) fail(a, `the paragraph is back at v${f.version}`);
    if (f.version === a.version && !same(f, a)) fail(a, 'the paragraph at this version holds another state');
  }
  return { lost: bad.size, examples };
}

// ---------------------------------------------------------------- one run
async function runLoad(kind: string, env: NodeJS.ProcessEnv, bases: string[], clients: number): Promise<Row> {
  const seeded = runDbScript<SeededLoadBook>(env, ['seed', '--chapters', String(CHAPTERS), '--paragraphs', String(PARAGRAPHS), '--reviewers', String(clients), '--password', PASSWORD]);
  // clients spread over the chapters; the ones on one chapter share it in contiguous blocks
  const reviewers = Array.from({ length: clients }, (_, i) => {
    const c = i % seeded.chapters.length;
    const onChapter = Math.ceil((clients - c) / seeded.chapters.length);
    const slot = Math.floor(i / seeded.chapters.length);
    const size = PARAGRAPHS / onChapter;
    return new Reviewer(i, bases[i % bases.length]!, seeded.users[i]!, seeded.chapters[c]!.id, Math.floor(slot * size), Math.floor((slot + 1) * size));
  });
  // sign-ins (not timed with the rest): four at a time, as reviewers arrive; a password hash costs the server ~0.1–0.5 s
  const signIns: number[] = [];
  for (let i = 0; i < reviewers.length; i += 4) signIns.push(...(await Promise.all(reviewers.slice(i, i + 4).map((r) => r.signIn()))));
  // warm-up: every route once, by the first reviewer (its saves are checked like the others')
  await reviewers[0]!.openChapter();
  for (let k = 0; k < 3; k++) await reviewers[0]!.edit();
  for (const r of reviewers) r.samples = [];
  const t0 = performance.now();
  const until = t0 + SECONDS * 1000;
  await Promise.all(reviewers.map((r) => r.loop(until)));
  const wall = (performance.now() - t0) / 1000;

  const dumped = runDbScript<DumpedFragment[]>(env, ['dump', '--chapters', seeded.chapters.map((c) => c.id).join(',')]);
  const acks = reviewers.flatMap((r) => r.acks);
  const { lost, examples } = countLost(acks, dumped);
  const samples = reviewers.flatMap((r) => r.samples);
  const ms = (k: Sample['kind'] | 'reads') => samples.filter((s) => (k === 'reads' ? s.kind !== 'save' : s.kind === k)).map((s) => s.ms);
  const q3 = (xs: number[]) => [quantile(xs, 0.5), quantile(xs, 0.95), quantile(xs, 0.99)].map((x) => round(x)) as [number, number, number];
  const saveSamples = samples.filter((s) => s.kind === 'save');
  const errors = reviewers.flatMap((r) => r.errors);
  if (examples.length) console.error(`lost edits (${kind}, ${clients}):\n  ${examples.join('\n  ')}`);
  return {
    db: kind,
    web: bases.length,
    clients,
    seconds: round(wall, 1),
    requests: samples.length,
    rps: round(samples.length / wall, 1),
    read: q3(ms('reads')),
    save: q3(ms('save')),
    page95: round(quantile(ms('page'), 0.95)),
    saveServer95: round(quantile(saveSamples.flatMap((s) => (s.serverMs !== undefined ? [s.serverMs] : [])), 0.95)),
    saves: saveSamples.length,
    conflicts: reviewers.reduce((a, r) => a + r.conflicts, 0),
    errors: errors.length,
    lost,
    signIn95: round(quantile(signIns, 0.95)),
    load: round(loadavg()[0]!, 1),
    routes: Object.fromEntries(
      [...new Set(samples.map((s) => s.route))].sort().map((r) => {
        const xs = samples.filter((s) => s.route === r).map((s) => s.ms);
        return [r, { n: xs.length, p50: round(quantile(xs, 0.5)), p95: round(quantile(xs, 0.95)) }];
      }),
    ),
    errorSamples: [...new Set(errors)].slice(0, 5),
  };
}

function printTable(rows: Row[]) {
  const head = ['db', 'web', 'clients', 'req/s', 'read p50/p95/p99 ms', 'save p50/p95/p99 ms', 'saves', 'errors', '409s', 'lost edits', 'load avg'];
  const lines = rows.map((r) => [r.db, String(r.web), String(r.clients), String(r.rps), r.read.join(' / '), r.save.join(' / '), String(r.saves), String(r.errors), String(r.conflicts), String(r.lost), String(r.load)]);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (l: string[]) => '| ' + l.map((c, i) => c.padEnd(widths[i]!)).join(' | ') + ' |';
  console.log(fmt(head));
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  for (const l of lines) console.log(fmt(l));
}

async function main() {
  prepareApp();
  const rows: Row[] = [];
  for (const kind of DBS) {
    await withDatabase(kind, async (env, bases) => {
      for (const n of CLIENTS) {
        console.error(`${kind}: ${n} reviewers for ${SECONDS} s (think ${THINK_MS} ms ± 50 %, overlap ${OVERLAP}) …`);
        const row = await runLoad(kind, env, bases, n);
        console.error(JSON.stringify({ bench: 'load-reviewers', thinkMs: THINK_MS, overlap: OVERLAP, chapters: CHAPTERS, paragraphs: PARAGRAPHS, ...row }));
        rows.push(row);
      }
    });
  }
  printTable(rows);
  console.log(`(${SECONDS} s per run, think ${THINK_MS} ms ± 50 %, ${CHAPTERS} chapters × ${PARAGRAPHS} paragraphs; save = boundary POST + PATCH, 409s included; reads = page + API GETs)`);
}

try {
  await main();
} finally {
  cleanupNow();
}
