import { execFile } from 'node:child_process';
import { open, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { convertToPcm } from '../audio/convert-to-pcm.ts';
import { synthesizeSpeech } from '../audio/synthesize-speech.ts';
import { openWav, streamWavSamples } from '../audio/wav-reader.ts';

const run = promisify(execFile);
const RATE = 22_050;

export type ChapterVoice = { voice: string; wordsPerMinute: number; pitch: number };

export type BuildSyntheticChapterOptions = {
  dir: string;
  paragraphs: string[];
  /** Spoken before / after the paragraphs, not part of the text to align. */
  intro?: string;
  outro?: string;
  /** Voice of each paragraph (and of intro/outro: index −1 / paragraphs.length). */
  voiceFor: (index: number) => ChapterVoice;
  /** Silence inserted between segments, seconds: uniform in [min, max]. */
  pauseSec?: [number, number];
  /** Pink noise level, dBFS RMS; default −55. */
  noiseDb?: number;
  /** Round-trip through a 64 kbit/s MP3 (ffmpeg libmp3lame); default false. */
  mp3?: boolean;
  seed?: number;
};

export type SyntheticChapter = {
  /** 16 kHz mono 16-bit WAV. */
  wav: string;
  durationSec: number;
  /** True speech span of each paragraph in the final audio, seconds. */
  speech: { begin: number; end: number }[];
  intro?: { begin: number; end: number };
  outro?: { begin: number; end: number };
};

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** First and last sample of a 5 ms window louder than −45 dBFS: where the voice really starts and stops. */
function speechSpan(x: Int16Array): [number, number] {
  const w = Math.round(RATE * 0.005);
  const thr = 32768 * 10 ** (-45 / 20);
  const loud = (k: number): boolean => {
    let s = 0;
    for (let i = k; i < Math.min(x.length, k + w); i++) s += x[i]! * x[i]!;
    return Math.sqrt(s / w) > thr;
  };
  let a = 0;
  while (a < x.length && !loud(a)) a += w;
  let b = Math.floor(x.length / w) * w;
  while (b > a && !loud(b)) b -= w;
  return [a, Math.min(x.length, b + w)];
}

async function readAll(file: string): Promise<Int16Array> {
  const info = await openWav(file);
  const out = new Int16Array(info.samples);
  let o = 0;
  for await (const c of streamWavSamples(file)) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

/**
 * A test/bench "chapter" with known truth: paragraphs spoken by espeak-ng (voices, speeds, pitches as asked)
 * separated by random pauses, an optional spoken intro/outro, pink noise, optionally an MP3 round trip.
 * Written segment by segment, so an hour-long chapter does not sit in memory.
 */
export async function buildSyntheticChapter(opts: BuildSyntheticChapterOptions): Promise<SyntheticChapter> {
  const random = rng(opts.seed ?? 1);
  const [pMin, pMax] = opts.pauseSec ?? [0.4, 1.2];
  const noiseAmp = 32768 * 10 ** ((opts.noiseDb ?? -55) / 20);
  const raw = path.join(opts.dir, 'chapter.raw22k');
  const fh = await open(raw, 'w');
  let written = 0;
  // Pink noise (Paul Kellet's economy filter) at roughly the requested RMS.
  let b0 = 0;
  let b1 = 0;
  let b2 = 0;
  const pink = (): number => {
    const white = random() * 2 - 1;
    b0 = 0.99765 * b0 + white * 0.099046;
    b1 = 0.963 * b1 + white * 0.2965164;
    b2 = 0.57 * b2 + white * 1.0526913;
    return (b0 + b1 + b2 + white * 0.1848) * 0.25;
  };
  const write = async (x: Int16Array): Promise<void> => {
    const y = new Int16Array(x.length);
    for (let i = 0; i < x.length; i++) y[i] = Math.max(-32768, Math.min(32767, Math.round(x[i]! + noiseAmp * pink() * 2.5)));
    await fh.write(Buffer.from(y.buffer, y.byteOffset, y.byteLength));
    written += x.length;
  };
  const silence = async (sec: number): Promise<void> => write(new Int16Array(Math.round(sec * RATE)));

  const segments: { text: string; index: number }[] = [];
  if (opts.intro) segments.push({ text: opts.intro, index: -1 });
  opts.paragraphs.forEach((text, index) => segments.push({ text, index }));
  if (opts.outro) segments.push({ text: opts.outro, index: opts.paragraphs.length });

  const spans: { index: number; begin: number; end: number }[] = [];
  try {
    await silence(0.8);
    for (let s = 0; s < segments.length; s++) {
      const seg = segments[s]!;
      const tmp = path.join(opts.dir, `seg-${s}.wav`);
      await synthesizeSpeech(seg.text, tmp, opts.voiceFor(seg.index));
      const x = await readAll(tmp);
      await rm(tmp, { force: true });
      const [a, b] = speechSpan(x);
      spans.push({ index: seg.index, begin: (written + a) / RATE, end: (written + b) / RATE });
      await write(x);
      if (s < segments.length - 1) await silence(pMin + (pMax - pMin) * random());
    }
    await silence(1.0);
  } finally {
    await fh.close();
  }

  const wav = path.join(opts.dir, 'chapter.wav');
  let source = raw;
  const fmt = ['-f', 's16le', '-ar', String(RATE), '-ac', '1'];
  if (opts.mp3) {
    source = path.join(opts.dir, 'chapter.mp3');
    await run('ffmpeg', ['-v', 'error', '-y', ...fmt, '-i', raw, '-c:a', 'libmp3lame', '-b:a', '64k', source]);
  } else {
    source = path.join(opts.dir, 'chapter22k.wav');
    await run('ffmpeg', ['-v', 'error', '-y', ...fmt, '-i', raw, source]);
  }
  await rm(raw, { force: true });
  const { samples } = await convertToPcm(source, wav);
  await rm(source, { force: true });
  const span = (i: number) => {
    const s = spans.find((x) => x.index === i);
    return s && { begin: s.begin, end: s.end };
  };
  return {
    wav,
    durationSec: samples / 16_000,
    speech: opts.paragraphs.map((_, i) => span(i)!),
    intro: span(-1),
    outro: span(opts.paragraphs.length),
  };
}
