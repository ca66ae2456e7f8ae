import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../errors/app-error.ts';
import { synthesizeSpeech } from '../audio/synthesize-speech.ts';
import { synthesizeBatch } from '../audio/synthesize-batch.ts';
import { openWav } from '../audio/wav-reader.ts';
import { startChild } from '../process/start-child.ts';
import { publishAtomic } from '../storage/write-file-atomic.ts';

export const SYNTHETIC_SAMPLE_RATE = 16_000;
const ESPEAK_RATE = 22_050;
// Bump when the cached audio would change (espeak settings, format) so stale entries are not reused.
const CACHE_VERSION = 'espeak-ng-wav-v2';
// Characters one espeak-ng process speaks at most (about 13 minutes of speech, 35 MB of 22 050 Hz samples).
const BATCH_MAX_CHARS = 12_000;
const STDERR_KEEP = 8_192;

/** ISO 639-3/-1 language → espeak-ng voice. Unknown codes that look like voice names are used as given. */
const VOICES: Record<string, string> = {
  spa: 'es', es: 'es', eng: 'en', en: 'en', fra: 'fr', fr: 'fr', deu: 'de', de: 'de', ita: 'it', it: 'it',
  por: 'pt', pt: 'pt', cat: 'ca', ca: 'ca', glg: 'gl', gl: 'gl', eus: 'eu', eu: 'eu', nld: 'nl', nl: 'nl',
};

export function voiceForLanguage(language: string | undefined): string {
  const key = (language ?? '').trim().toLowerCase();
  if (key === '') return 'es';
  return VOICES[key] ?? key;
}

export type SynthesizeFragmentsOptions = {
  /** ISO 639 code (spa, eng …); picks the espeak-ng voice. Default Spanish. */
  language?: string;
  /** Overrides the voice picked from the language. */
  voice?: string;
  wordsPerMinute?: number;
  pitch?: number;
  /** Content-addressed cache of per-fragment TTS audio; default os.tmpdir()/alinea-tts-cache. */
  cacheDir?: string;
  /** espeak-ng processes at once; default os.availableParallelism(). */
  concurrency?: number;
  /** The texts are SSML (see synthesizeSpeech); cached apart from the same plain text. */
  ssml?: boolean;
  /** Called with 0..1 as fragments are synthesised. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
};

/** Sees the 16 kHz samples of the track as the resampler makes them, in order (the samples the WAV would hold). */
export type OnTrackSamples = (samples: Int16Array) => void;

export type SyntheticTrack = {
  /** The 16 kHz mono 16-bit WAV of all fragments back to back. */
  wav: string;
  sampleRate: number;
  durationSec: number;
  /** Per fragment [begin, end) in seconds of the synthetic track; begin = end for unspeakable text. */
  fragments: { begin: number; end: number }[];
  /** Fragments synthesised now (cache misses). */
  synthesized: number;
};

/** Text with nothing espeak-ng would say (punctuation, symbols only) gets no audio. */
function speakable(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

export function ttsCacheKey(text: string, voice: string, wpm: number, pitch: number): string {
  return createHash('sha256').update(`${CACHE_VERSION}\0${voice}\0${wpm}\0${pitch}\0${text}`).digest('hex');
}

/**
 * Speaks every text the cache lacks with espeak-ng (cached per text + voice + speed + pitch; batches of texts, one
 * espeak-ng process each, several at once) and returns each text's cache file (null: nothing speakable). Can run
 * ahead of `synthesizeFragments` (e.g. while the audio is decoded), which then finds every text cached.
 */
export async function speakIntoCache(
  texts: string[],
  opts: SynthesizeFragmentsOptions = {},
): Promise<{ files: (string | null)[]; cacheDir: string; synthesized: number }> {
  const voice = opts.voice ?? voiceForLanguage(opts.language);
  const wpm = opts.wordsPerMinute ?? 160;
  const pitch = opts.pitch ?? 50;
  const cacheDir = opts.cacheDir ?? path.join(os.tmpdir(), 'alinea-tts-cache');
  const concurrency = Math.max(1, opts.concurrency ?? os.availableParallelism());
  await mkdir(cacheDir, { recursive: true });

  const files: (string | null)[] = texts.map((t) =>
    speakable(t) ? path.join(cacheDir, `${ttsCacheKey(opts.ssml ? `ssml\0${t.trim()}` : t.trim(), voice, wpm, pitch)}.wav`) : null,
  );
  // Identical texts share one file; synthesise each missing file once.
  const todo = [...new Set(files.filter((f): f is string => f !== null && !existsSync(f)))];
  const textOf = new Map<string, string>();
  files.forEach((f, k) => f && textOf.set(f, texts[k]!.trim()));
  // Texts in batches, one espeak-ng process each (see synthesizeBatch: a process start costs more than speaking a
  // paragraph), at most BATCH_MAX_CHARS each so progress and a stop come often and memory stays small, and at
  // least one batch per process so every core speaks.
  const batches: string[][] = [];
  const totalChars = todo.reduce((n, f) => n + textOf.get(f)!.length, 0);
  const perBatch = Math.min(BATCH_MAX_CHARS, Math.ceil(totalChars / concurrency));
  for (const file of todo) {
    const last = batches.at(-1);
    const chars = last?.reduce((n, f) => n + textOf.get(f)!.length, 0) ?? Infinity;
    if (last && chars + textOf.get(file)!.length <= perBatch) last.push(file);
    else batches.push([file]);
  }
  const speech = { voice, wordsPerMinute: wpm, pitch, ssml: opts.ssml, signal: opts.signal };
  let done = 0;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < batches.length) {
      opts.signal?.throwIfAborted();
      const batch = batches[next++]!;
      // Published atomically under temp names: another aligner may be filling the same cache entries.
      const spoken = batch.length > 1 && (await synthesizeBatch(batch.map((f) => textOf.get(f)!), batch, cacheDir, speech));
      if (!spoken) for (const file of batch) await synthesizeSpeech(textOf.get(file)!, file, speech);
      done += batch.length;
      opts.onProgress?.(done / todo.length);
    }
  };
  // every worker settles (its espeak-ng ended, its temp file removed) before the first error is thrown
  const stopOthers = (err: unknown): never => {
    next = batches.length;
    throw err;
  };
  const settled = await Promise.allSettled(Array.from({ length: Math.min(concurrency, batches.length) }, () => worker().catch(stopOthers)));
  const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  opts.onProgress?.(1);
  return { files, cacheDir, synthesized: todo.length };
}

/**
 * Speaks every fragment with espeak-ng (cached per text + voice + speed + pitch, several processes at once),
 * then resamples the concatenation to 16 kHz in one ffmpeg pass into `outWav`. Because the fragments
 * are resampled as one continuous signal, fragment k starts exactly at (Σ earlier 22 050 Hz samples) / 22 050 s.
 */
export async function synthesizeFragments(
  texts: string[],
  outWav: string,
  opts: SynthesizeFragmentsOptions = {},
): Promise<SyntheticTrack> {
  const { bodies, fragments, synthesized } = await trackBodies(texts, opts);
  await publishAtomic(outWav, (part) => resample(bodies, { file: part }, opts.signal));
  const info = await openWav(outWav);
  return { wav: outWav, sampleRate: SYNTHETIC_SAMPLE_RATE, durationSec: info.samples / SYNTHETIC_SAMPLE_RATE, fragments, synthesized };
}

/**
 * synthesizeFragments without the file: the 16 kHz track only goes to `onSamples` as the resampler makes it (the
 * aligner computes its features on the way and never reads the track back). The same samples the file would hold.
 */
export async function streamSyntheticTrack(
  texts: string[],
  opts: SynthesizeFragmentsOptions & { onSamples: OnTrackSamples },
): Promise<Omit<SyntheticTrack, 'wav'>> {
  const { bodies, fragments, synthesized } = await trackBodies(texts, opts);
  let samples = 0;
  await resample(
    bodies,
    {
      onSamples: (chunk) => {
        samples += chunk.length;
        opts.onSamples(chunk);
      },
    },
    opts.signal,
  );
  return { sampleRate: SYNTHETIC_SAMPLE_RATE, durationSec: samples / SYNTHETIC_SAMPLE_RATE, fragments, synthesized };
}

/** The cached 22 050 Hz PCM bodies of the track, back to back, and each fragment's span in it. */
async function trackBodies(texts: string[], opts: SynthesizeFragmentsOptions) {
  const { files, cacheDir, synthesized } = await speakIntoCache(texts, opts);
  const fragments: { begin: number; end: number }[] = [];
  let total = 0;
  const bodies: (() => Promise<Buffer>)[] = [];
  for (const file of files) {
    if (!file) {
      fragments.push({ begin: total / ESPEAK_RATE, end: total / ESPEAK_RATE });
      continue;
    }
    const info = await openWav(file);
    if (info.sampleRate !== ESPEAK_RATE || info.channels !== 1 || info.bitsPerSample !== 16) {
      throw new AppError('UNSUPPORTED_MEDIA', `Cached TTS file ${path.basename(file)} has an unexpected format; clear ${cacheDir}.`);
    }
    fragments.push({ begin: total / ESPEAK_RATE, end: (total + info.samples) / ESPEAK_RATE });
    total += info.samples;
    bodies.push(async () => (await readFile(file)).subarray(info.dataOffset, info.dataOffset + info.dataBytes));
  }
  if (total === 0) throw new AppError('INVALID_INPUT', 'None of the fragments has speakable text.');
  return { bodies, fragments, synthesized };
}

/** Concatenates the bodies into one ffmpeg that resamples them to 16 kHz: into a WAV file, or raw to `onSamples`. */
async function resample(
  bodies: (() => Promise<Buffer>)[],
  to: { file: string } | { onSamples: OnTrackSamples },
  signal?: AbortSignal,
): Promise<void> {
  // swresample's own windowed-sinc filter (32 taps/phase, passband to 0.97 × 8 kHz, above the 6.9 kHz top mel
  // edge): soxr in this ffmpeg gives slightly different samples run to run; this is deterministic.
  const resampler = `aresample=resampler=swr:filter_size=32:phase_shift=10:osr=${SYNTHETIC_SAMPLE_RATE}`;
  const input = ['-hide_banner', '-nostdin', '-v', 'error', '-y', '-f', 's16le', '-ar', String(ESPEAK_RATE), '-ac', '1', '-i', 'pipe:0'];
  const output = 'file' in to ? ['-f', 'wav', `file:${path.resolve(to.file)}`] : ['-f', 's16le', 'pipe:1'];
  const args = [...input, '-af', resampler, '-c:a', 'pcm_s16le', ...output];
  const onSamples = 'onSamples' in to ? to.onSamples : undefined;
  let odd: Buffer | null = null; // a sample split across two chunks
  const onStdoutBytes = onSamples
    ? (chunk: Buffer): void => {
        const bytes = odd ? Buffer.concat([odd, chunk]) : chunk;
        const whole = bytes.length & ~1;
        odd = whole < bytes.length ? Buffer.from(bytes.subarray(whole)) : null;
        if (whole === 0) return;
        // Int16Array needs 2-byte alignment: a chunk's view usually has it, else copy
        const view = bytes.byteOffset % 2 === 0 ? bytes : new Uint8Array(bytes.subarray(0, whole));
        onSamples(new Int16Array(view.buffer, view.byteOffset, whole >> 1));
      }
    : undefined;
  const { child, exit, kill } = startChild('ffmpeg', args, { streamInput: true, signal, stderrKeep: STDERR_KEEP, onStdoutBytes });
  let feedError: { reason: unknown } | null = null;
  // not awaited: when ffmpeg dies early its stdin never drains; its exit tells the story
  void (async () => {
    for (const body of bodies) {
      const buf = await body();
      if (!child.stdin.write(buf)) await new Promise<void>((r) => child.stdin.once('drain', () => r()));
    }
    child.stdin.end();
  })().catch((err: unknown) => {
    feedError = { reason: err };
    kill();
  });
  const result = await exit.catch((err: unknown) => {
    if (feedError) throw feedError.reason;
    throw err;
  });
  if (result.code !== 0) throw new Error(`ffmpeg could not resample the synthetic track: ${result.stderr.trim()}`);
}
