// Benchmark (not a test): the forced aligner on a synthetic Spanish chapter with known pauses.
// Run: npx tsx bench/align-synthetic.ts [--minutes 10]   Prints one JSON line.
// The chapter (espeak-ng es/es-419 at 130–190 wpm, various pitches, pauses 0.4–1.2 s, pink noise, a spoken
// intro/outro, 64 kbit/s MP3 round trip) is cached in $TMPDIR/alinea-bench/ so reruns skip building it.
// The alignment runs in a child process so its peak RSS and CPU are its own: once with an empty TTS cache
// (cold: espeak-ng included) and once with the cache filled (warm).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { alignFragments, type AlignFragmentsResult } from '../lib/align/align-fragments.ts';
import { buildSyntheticChapter, type SyntheticChapter } from '../lib/align/build-synthetic-chapter.ts';
import { SPANISH_INTRO, SPANISH_OUTRO, SPANISH_PARAGRAPHS } from '../lib/align/spanish-paragraphs.ts';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};

type Truth = SyntheticChapter & { paragraphs: string[] };

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

async function chapter(minutes: number): Promise<Truth> {
  const dir = path.join(os.tmpdir(), 'alinea-bench', `align-${minutes}min`);
  const truthFile = path.join(dir, 'truth.json');
  if (existsSync(truthFile)) return JSON.parse(readFileSync(truthFile, 'utf8')) as Truth;
  await mkdir(dir, { recursive: true });
  const random = rng(42);
  // Paragraphs of two of the stock ones (~13 s with its pause), every pair used once: each paragraph's text
  // is unique, as in a real book, so the cold run pays for one espeak-ng call per paragraph.
  const count = Math.max(3, Math.round((minutes * 60) / 13));
  const n = SPANISH_PARAGRAPHS.length;
  if (count > n * (n - 1)) throw new Error(`At most ${Math.floor((n * (n - 1) * 13) / 60)} minutes of unique paragraphs.`);
  const used = new Set<number>();
  const paragraphs: string[] = [];
  while (paragraphs.length < count) {
    const a = Math.floor(random() * n);
    const b = Math.floor(random() * n);
    if (a === b || used.has(a * n + b)) continue;
    used.add(a * n + b);
    paragraphs.push(`${SPANISH_PARAGRAPHS[a]!} ${SPANISH_PARAGRAPHS[b]!}`);
  }
  const voices = paragraphs.map(() => ({
    voice: random() < 0.5 ? 'es' : 'es-419',
    wordsPerMinute: 130 + Math.floor(random() * 61),
    pitch: 25 + Math.floor(random() * 50),
  }));
  const built = await buildSyntheticChapter({
    dir,
    paragraphs,
    intro: SPANISH_INTRO,
    outro: SPANISH_OUTRO,
    voiceFor: (i) => voices[Math.min(voices.length - 1, Math.max(0, i))]!,
    pauseSec: [0.4, 1.2],
    noiseDb: -50,
    mp3: true,
    seed: 42,
  });
  const truth = { ...built, paragraphs };
  await writeFile(truthFile, JSON.stringify(truth));
  return truth;
}

/** CPU seconds of this process and of its waited-for children (espeak-ng, ffmpeg), from /proc. */
function cpu(): { self: number; children: number } {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ').map(Number);
  // After the comm field: state is f[0], utime f[11], stime f[12], cutime f[13], cstime f[14] (clock ticks).
  const tick = 100;
  return { self: (f[11]! + f[12]!) / tick, children: (f[13]! + f[14]!) / tick };
}

function score(r: AlignFragmentsResult, t: Truth) {
  const s = t.speech;
  const errors: number[] = [];
  let inside = 0;
  for (let i = 0; i + 1 < s.length; i++) {
    const b = r.fragments[i + 1]!.begin;
    if (b >= s[i]!.end && b <= s[i + 1]!.begin) inside++;
    errors.push(Math.abs(b - (s[i]!.end + s[i + 1]!.begin) / 2) * 1000);
  }
  errors.sort((a, b) => a - b);
  return {
    boundaries: errors.length,
    inPause: Number((inside / errors.length).toFixed(4)),
    meanErrMs: Number((errors.reduce((a, b) => a + b, 0) / errors.length).toFixed(1)),
    p95ErrMs: Number(errors[Math.min(errors.length - 1, Math.floor(0.95 * errors.length))]!.toFixed(1)),
    maxErrMs: Number(errors[errors.length - 1]!.toFixed(1)),
    headOk: r.head >= t.intro!.end && r.head <= s[0]!.begin,
    tailOk: r.tail >= s[s.length - 1]!.end && r.tail <= t.outro!.begin,
  };
}

async function child(truthDir: string): Promise<void> {
  const t = JSON.parse(readFileSync(path.join(truthDir, 'truth.json'), 'utf8')) as Truth;
  const cacheDir = await mkdtemp(path.join(os.tmpdir(), 'alinea-bench-tts-'));
  const hours = t.durationSec / 3600;
  const fragments = t.paragraphs.map((text, i) => ({ id: `p${i + 1}`, text }));
  try {
    const runs: Record<string, unknown> = {};
    for (const label of ['cold', 'warm']) {
      const c0 = cpu();
      const w0 = performance.now();
      const r = await alignFragments({ audioWav: t.wav, fragments, language: 'spa', options: { cacheDir } });
      const wall = (performance.now() - w0) / 1000;
      const c1 = cpu();
      const selfCpu = c1.self - c0.self;
      const childCpu = c1.children - c0.children;
      runs[label] = {
        ...(label === 'cold' ? score(r, t) : {}),
        wallSec: Number(wall.toFixed(2)),
        cpuSecPerAudioHour: Number(((selfCpu + childCpu) / hours).toFixed(2)),
        alignerCpuSecPerAudioHour: Number((selfCpu / hours).toFixed(2)),
        ttsAndResampleChildCpuSecPerAudioHour: Number((childCpu / hours).toFixed(2)),
        stageWallSec: Object.fromEntries(Object.entries(r.stats.timings).map(([k, v]) => [k, Number(v.toFixed(2))])),
        dtwCells: r.stats.dtwCells,
        synthesized: r.stats.synthesized,
      };
    }
    process.stdout.write(`${JSON.stringify({ runs, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
  } finally {
    await rm(cacheDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const childDir = arg('--child');
  if (childDir) return child(childDir);
  const minutes = Number(arg('--minutes') ?? 10);
  const b0 = performance.now();
  const t = await chapter(minutes);
  const buildSec = (performance.now() - b0) / 1000;
  const script = fileURLToPath(import.meta.url);
  const out = await new Promise<string>((resolve, reject) => {
    const p = spawn(process.execPath, [...process.execArgv, script, '--child', path.dirname(t.wav)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let s = '';
    p.stdout.setEncoding('utf8').on('data', (d: string) => (s += d));
    p.on('error', reject);
    p.on('close', (code) => (code === 0 ? resolve(s) : reject(new Error(`aligner child exited with ${code}`))));
  });
  const result = JSON.parse(out.trim().split('\n').at(-1)!) as Record<string, unknown>;
  console.log(
    JSON.stringify({
      bench: 'align-synthetic',
      audioMinutes: Number((t.durationSec / 60).toFixed(2)),
      paragraphs: t.paragraphs.length,
      chapterBuildSec: Number(buildSec.toFixed(1)),
      cpus: os.availableParallelism(),
      ...result,
    }),
  );
}

await main();
