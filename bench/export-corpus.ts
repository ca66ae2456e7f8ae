// Benchmark (not a test): the whole export, end to end, on a synthetic corpus in a real SQLite database.
// Run: npx tsx bench/export-corpus.ts [--hours 1,10] [--t2t] [--gzip] [--keep]      Prints one JSON line per size.
// For each size: a child process seeds a fresh data dir (4 books × 30 min chapters of synthetic 16 kHz audio,
// approved fragments of 1–20 s), then another child runs runExport (tfrecord + librispeech FLAC + jsonl,
// split by chapter) and reports wall time, × real time and its peak RSS (maxRSS of that process alone).
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const SR = 16_000;

async function useDataDir(dir: string) {
  process.env.ALINEA_DATA_DIR = dir;
  process.env.DATABASE_URL = `file:${path.join(dir, 'alinea.db')}`;
  const { migrateDatabase } = await import('../lib/db/migrate-database.ts');
  await migrateDatabase();
}

async function seed(dir: string, hours: number): Promise<void> {
  await useDataDir(dir);
  const { seedExportCorpus, sentence } = await import('../lib/testing/seed-export-corpus.ts');
  const chapterSec = Math.min(1800, hours * 900);
  const chapters = Math.max(1, Math.round((hours * 3600) / chapterSec));
  const books = Math.min(4, chapters);
  let s = 7;
  const rnd = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0), s / 2 ** 32);
  await seedExportCorpus({
    projectName: 'bench',
    books,
    chaptersPerBook: Math.ceil(chapters / books),
    fragments: (b, c) => {
      const out = [];
      let t = 0.3;
      let i = 0;
      while (t < chapterSec - 20) {
        const dur = Math.round((1 + rnd() * 19) * 100) / 100;
        out.push({ begin: t, end: t + dur, status: 'approved', confidence: 0.9, text: sentence(b * 1e6 + c * 1e4 + i++, Math.max(1, Math.round(dur * 2.5))) });
        t += dur + 0.3;
      }
      return out;
    },
  });
  const { disconnectDb } = await import('../lib/db/client.ts');
  await disconnectDb();
}

async function runOnce(dir: string): Promise<void> {
  await useDataDir(dir);
  const { getDb, disconnectDb } = await import('../lib/db/client.ts');
  const { parseExportSettings } = await import('../lib/export/export-settings.ts');
  const { runExport } = await import('../lib/export/run-export.ts');
  const project = await getDb().project.findUniqueOrThrow({ where: { name: 'bench' } });
  const settings = parseExportSettings({ projectId: project.id, gzip: process.argv.includes('--gzip'), t2t: process.argv.includes('--t2t') });
  let rssSamples = 0;
  let rssMax = 0;
  const timer = setInterval(() => {
    rssMax = Math.max(rssMax, process.memoryUsage.rss());
    rssSamples++;
  }, 100);
  const t0 = performance.now();
  const timeline: number[] = [];
  const stats = await runExport({
    settings,
    dir: path.join(dir, 'out'),
    progress: (f) => {
      if (f >= (timeline.length + 1) / 10) timeline.push(Math.round(process.memoryUsage.rss() / 1e6));
    },
  });
  const sec = (performance.now() - t0) / 1000;
  clearInterval(timer);
  const audioSec = (stats.hours * 3600);
  process.stdout.write(
    JSON.stringify({
      audioHours: stats.hours,
      examples: stats.examples,
      shards: stats.shards,
      outMb: Math.round(stats.bytes / 1e6),
      sec: Math.round(sec * 10) / 10,
      xRealtime: Math.round(audioSec / sec),
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      sampledRssMb: Math.round(rssMax / 1e6),
      rssSamples,
      rssMbAtEachTenth: timeline,
      heapUsedMb: Math.round(process.memoryUsage().heapUsed / 1e6),
    }),
  );
  await disconnectDb();
}

async function main(): Promise<void> {
  const mode = arg('--mode');
  const dir = arg('--dir');
  if (mode === 'seed') return seed(dir!, Number(arg('--hours')));
  if (mode === 'export') return runOnce(dir!);

  const sizes = (arg('--hours') ?? '1,10').split(',').map(Number);
  const self = path.resolve(import.meta.dirname, 'export-corpus.ts');
  const tsx = ['--import', 'tsx', self];
  const extra = ['--t2t', '--gzip'].filter((f) => process.argv.includes(f));
  const results = [];
  for (const hours of sizes) {
    const data = await mkdtemp(path.join(os.tmpdir(), 'alinea-bench-export-'));
    try {
      const t0 = performance.now();
      execFileSync(process.execPath, [...tsx, '--mode', 'seed', '--dir', data, '--hours', String(hours)], { stdio: ['ignore', 'inherit', 'inherit'] });
      const seedSec = (performance.now() - t0) / 1000;
      const out = execFileSync(process.execPath, [...tsx, '--mode', 'export', '--dir', data, ...extra], { stdio: ['ignore', 'pipe', 'inherit'] }).toString();
      const r = { bench: 'export-corpus', hours, seedSec: Math.round(seedSec), ...JSON.parse(out.trim().split('\n').at(-1)!), cpus: os.cpus().length, node: process.version, flags: extra };
      results.push(r);
      console.log(JSON.stringify(r));
    } finally {
      if (!process.argv.includes('--keep')) await rm(data, { recursive: true, force: true });
      else console.error(`kept ${data}`);
    }
  }
  if (results.length > 1) {
    const [a, b] = [results[0]!, results.at(-1)!];
    console.log(JSON.stringify({ bench: 'export-corpus-compare', rssRatio: Math.round((b.peakRssMb / a.peakRssMb) * 100) / 100, hoursRatio: b.hours / a.hours, sampleRate: SR }));
  }
}

await main();
