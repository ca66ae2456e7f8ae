// Bench: the chapter editor on a 1 h chapter with 600 paragraphs, in Chromium against the production server.
// Prints one JSON line: time to interactive (navigation → waveform drawn + regions + list, median of 3 on a warm
// server), frame times while dragging a boundary for ~2 s, and boundary-save latency over 30 saves (client
// round trip and the route's Server-Timing). Targets: interactive ≤ 1.5 s, drag ≥ 50 fps, save p95 ≤ 100 ms.
// Needs a production build (`npx next build`). Run: npx tsx bench/editor-perf.ts [--port 3220] [--keep]
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';

const { values } = parseArgs({ options: { port: { type: 'string', default: '3220' }, keep: { type: 'boolean', default: false } } });
const port = Number(values.port);
const base = `http://127.0.0.1:${port}`;
const dir = mkdtempSync(path.join(tmpdir(), 'alinea-editor-bench-'));
const dataDir = path.join(dir, 'data');
process.env.ALINEA_DATA_DIR = dataDir;
process.env.DATABASE_URL = `file:${path.join(dataDir, 'alinea.db')}`;
const DURATION = 3600;
const FRAGMENTS = 600;
const ADMIN = { email: 'bench@alinea.local', password: 'bench password 123' };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? NaN;
};
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

/** A 1 h chapter: pink noise through the real ingest (PCM, peaks), 600 fragments every 6 s, random confidences. */
async function seed(): Promise<string> {
  const env = { ...process.env };
  mkdirSync(dataDir, { recursive: true });
  execFileSync('node', ['bin/alinea.mjs', 'migrate'], { env, stdio: 'ignore' });
  const wav = path.join(dir, 'hour.wav');
  execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', `anoisesrc=d=${DURATION}:c=pink:r=16000:a=0.1`, '-ac', '1', '-c:a', 'pcm_s16le', wav]);
  const { seedReviewChapter } = await import('../lib/testing/seed-review-chapter.ts');
  const { getDb, disconnectDb } = await import('../lib/db/client.ts');
  const { getStorage } = await import('../lib/storage/storage.ts');
  const { ingestAudioFile } = await import('../lib/ingest/ingest-audio-file.ts');
  let r = 42;
  const random = () => ((r = (r * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const step = DURATION / FRAGMENTS;
  const s = await seedReviewChapter({
    durationSec: DURATION,
    fragments: Array.from({ length: FRAGMENTS }, (_, i) => ({
      text: `Párrafo ${i + 1} del capítulo de prueba, con algo de texto para la lista.`,
      begin: i * step,
      end: (i + 1) * step,
      confidence: round(random(), 3),
    })),
  });
  const db = getDb();
  const chapter = await db.chapter.findUniqueOrThrow({ where: { id: s.chapterId } });
  const key = `bench/${chapter.audioFileId}/hour.wav`;
  mkdirSync(path.dirname(getStorage().localPath(key)), { recursive: true });
  copyFileSync(wav, getStorage().localPath(key));
  await db.audioFile.update({ where: { id: chapter.audioFileId }, data: { originalKey: key, originalName: 'hour.wav', status: 'pending' } });
  await ingestAudioFile(chapter.audioFileId, { jobId: 'bench', attempt: 1, isFinalAttempt: true, signal: new AbortController().signal, progress: () => undefined });
  await disconnectDb();
  rmSync(wav);
  return s.chapterId;
}

async function main() {
  if (!existsSync('.next/BUILD_ID')) throw new Error('Build the app first: npx next build');
  const t0 = performance.now();
  const chapterId = await seed();
  const seedSec = (performance.now() - t0) / 1000;
  console.error(`seeded in ${seedSec.toFixed(1)} s`);
  const env = { ...process.env, ALINEA_DATA_DIR: dataDir, ALINEA_AUTH_URL: base };
  execFileSync('node', ['bin/alinea.mjs', 'create-user', '--email', ADMIN.email, '--password', ADMIN.password, '--role', 'admin', '--update'], { env, stdio: 'ignore' });
  const server = spawn('npx', ['next', 'start', '-H', '127.0.0.1', '-p', String(port)], { env, stdio: 'ignore', detached: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--autoplay-policy=no-user-gesture-required'],
  });
  try {
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${base}/api/projects`)).status < 500) break;
      } catch {
        /* not up yet */
      }
      if (i > 120) throw new Error('server did not start');
      await sleep(500);
    }
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const signIn = await context.request.post(`${base}/api/auth/sign-in/email`, { data: ADMIN, headers: { origin: base } });
    if (!signIn.ok()) throw new Error(`sign-in failed: ${signIn.status()} ${await signIn.text()}`);
    const page = await context.newPage();
    const url = `${base}/chapters/${chapterId}/review`;

    // ---- time to interactive: one warm-up load, then the median of 3
    const loads: number[] = [];
    for (let i = 0; i < 4; i++) {
      await page.goto(url, { waitUntil: 'commit' });
      await page.waitForSelector('[data-editor-ready="true"]', { timeout: 60_000 });
      const ms = await page.evaluate(() => performance.getEntriesByName('alinea:editor-ready')[0]?.startTime ?? NaN);
      if (i > 0) loads.push(ms);
    }
    const regions = await page.locator('[data-testid^="region-start-"]').count();
    const rows = await page.getByTestId('editor-row').count();

    // ---- drag: zoom to ~20 px/s around paragraph 300, drag its end back and forth for ~2 s
    const target = await page.evaluate(async (id) => {
      const r = await fetch(`/api/chapters/${id}/fragments`);
      const j = (await r.json()) as { chapter: { fragments: Array<{ id: string }> } };
      return j.chapter.fragments[300]?.id ?? null;
    }, chapterId);
    if (!target) throw new Error('no fragment 300');
    await page.getByRole('listbox', { name: 'Paragraphs' }).evaluate((el) => (el.scrollTop = 300 * 64 - 100));
    await page.getByRole('option').filter({ hasText: 'Párrafo 301 ' }).click();
    const zoom = page.getByRole('slider', { name: 'Zoom' });
    await zoom.evaluate((el: HTMLInputElement) => {
      const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      set.call(el, String(Math.log(20)));
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await sleep(500);
    await page.keyboard.press('k'); // select 302 and seek (reveals it), then back to 301
    await page.keyboard.press('j');
    await sleep(500);
    const handle = page.getByTestId(`region-end-${target}`);
    await handle.scrollIntoViewIfNeeded().catch(() => undefined);
    const box = await handle.boundingBox();
    if (!box) throw new Error('the dragged handle is not visible');
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    // a string, not a function: tsx would wrap a named inner function with a helper the page lacks
    await page.evaluate(`(() => {
      window.__frames = [];
      window.__rec = true;
      let last = performance.now();
      const tick = (t) => {
        window.__frames.push(t - last);
        last = t;
        if (window.__rec) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    })()`);
    await page.mouse.move(x, y);
    await page.mouse.down();
    const dragStart = performance.now();
    let k = 0;
    while (performance.now() - dragStart < 2000) {
      // ±40 px (about ±2 s at 20 px/s), a small step per move
      await page.mouse.move(x + 40 * Math.sin(k / 10), y);
      k++;
    }
    await page.mouse.up();
    const frames = await page.evaluate(() => {
      const w = window as unknown as { __frames: number[]; __rec: boolean };
      w.__rec = false;
      return w.__frames.slice(1);
    });
    const dragMs = frames.reduce((a, b) => a + b, 0);
    await sleep(1000);
    // the drag really moved the boundary (and saved it)
    const draggedEnd = await page.evaluate(async (id) => {
      const r = await fetch(`/api/chapters/${id}/fragments`);
      return ((await r.json()) as { chapter: { fragments: Array<{ end: number }> } }).chapter.fragments[300]!.end;
    }, chapterId);

    // ---- 30 boundary saves through the route, from the page (its session cookie)
    const saves = await page.evaluate(async (id) => {
      const r = await fetch(`/api/chapters/${id}/fragments`);
      const j = (await r.json()) as { chapter: { fragments: Array<{ id: string; version: number; begin: number; end: number }> } };
      const frags = j.chapter.fragments;
      let left = frags[100]!;
      let right = frags[101]!;
      const out: Array<{ client: number; server: number }> = [];
      for (let i = 0; i < 30; i++) {
        const time = left.end + (i % 2 === 0 ? 0.5 : -0.5);
        const t = performance.now();
        const res = await fetch('/api/fragments/boundary', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ left: { fragmentId: left.id, expectedVersion: left.version }, right: { fragmentId: right.id, expectedVersion: right.version }, time }),
        });
        const body = (await res.json()) as { left: typeof left; right: typeof right };
        const client = performance.now() - t;
        if (!res.ok) throw new Error(`save ${i}: ${res.status} ${JSON.stringify(body)}`);
        const server = Number(/save;dur=([\d.]+)/.exec(res.headers.get('server-timing') ?? '')?.[1] ?? NaN);
        out.push({ client, server });
        left = body.left;
        right = body.right;
      }
      return out;
    }, chapterId);

    console.log(
      JSON.stringify({
        bench: 'editor-perf',
        fragments: FRAGMENTS,
        durationSec: DURATION,
        seedSec: round(seedSec),
        regionsInDom: regions,
        rowsInDom: rows,
        interactiveMs: { median: round(quantile(loads, 0.5), 0), runs: loads.map((l) => round(l, 0)), target: 1500 },
        drag: {
          seconds: round(dragMs / 1000, 2),
          frames: frames.length,
          meanFps: round((frames.length / dragMs) * 1000),
          p95FrameMs: round(quantile(frames, 0.95)),
          maxFrameMs: round(Math.max(...frames)),
          mouseMoves: k,
          boundaryMovedSec: round(draggedEnd - (301 * DURATION) / FRAGMENTS, 3),
          targetFps: 50,
        },
        save: {
          n: saves.length,
          clientP50Ms: round(quantile(saves.map((s) => s.client), 0.5)),
          clientP95Ms: round(quantile(saves.map((s) => s.client), 0.95)),
          serverP50Ms: round(quantile(saves.map((s) => s.server), 0.5)),
          serverP95Ms: round(quantile(saves.map((s) => s.server), 0.95)),
          targetP95Ms: 100,
        },
      }),
    );
  } finally {
    await browser.close();
    try {
      process.kill(-server.pid!, 'SIGTERM');
    } catch {
      /* already gone */
    }
    if (!values.keep) rmSync(dir, { recursive: true, force: true });
  }
}

await main();
