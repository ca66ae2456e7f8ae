// Test and bench fixture: a project of books × chapters with real 16 kHz mono WAVs (deterministic synthetic
// samples, written in chunks so hours of audio cost no memory) and timed fragments with statuses.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { getDb } from '../db/client.ts';
import { getStorage } from '../storage/storage.ts';
import { storageKeys } from '../ingest/storage-keys.ts';
import { wavBytes } from '../audio/wav-bytes.ts';

const SR = 16_000;
const WORDS = 'el la de que y en un una los las por con para como pero más sol mar casa perro niño año mañana corazón canción música libro camino río tierra cielo noche día'.split(' ');

export type SeedFragmentSpec = {
  begin: number;
  end: number;
  status: string;
  confidence: number | null;
  /** The normalised text (the original is it capitalised with a full stop). */
  text: string;
  /** Stored sentences (normalised texts and times); the paragraph's text is then theirs, each a capitalised
   * sentence with a full stop, and their confidence when given. */
  sentences?: { text: string; begin: number; end: number; confidence?: number }[];
  /** Fragment.kind (default paragraph). */
  kind?: 'paragraph' | 'heading';
};

export type SeedExportCorpusOptions = {
  projectName?: string;
  books?: number;
  chaptersPerBook?: number;
  /** Fragments of a chapter (default: 6 fragments of 1.5–3 s with 0.4 s gaps, statuses cycling). */
  fragments?: (book: number, chapter: number) => SeedFragmentSpec[];
  /** Seconds of audio after the last fragment. */
  tailSec?: number;
  speakerIds?: (string | null)[];
};

/** The synthetic sample at index i of a chapter (tests recompute it to check exported audio). */
export function syntheticSample(seed: number, i: number): number {
  const t = i / SR;
  const f = 180 + 40 * seed;
  let h = Math.imul(i ^ (seed * 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  const noise = (h & 0x3ff) - 512;
  return Math.round(6000 * Math.sin(2 * Math.PI * f * t) * (0.6 + 0.4 * Math.sin(2 * Math.PI * 0.7 * t)) + noise) | 0;
}

const original = (text: string) => text.charAt(0).toUpperCase() + text.slice(1) + '.';

export function sentence(seed: number, words: number): string {
  const out: string[] = [];
  let s = seed >>> 0;
  for (let i = 0; i < words; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out.push(WORDS[s % WORDS.length]!);
  }
  return out.join(' ');
}

export function defaultFragments(book: number, chapter: number): SeedFragmentSpec[] {
  const statuses = ['approved', 'approved', 'edited', 'approved', 'rejected', 'auto', 'approved'];
  const out: SeedFragmentSpec[] = [];
  let t = 0.5;
  for (let i = 0; i < 7; i++) {
    const dur = 1.5 + ((book * 7 + chapter * 3 + i) % 4) * 0.5;
    out.push({ begin: t, end: t + dur, status: statuses[i]!, confidence: 0.5 + 0.07 * i, text: sentence(book * 100 + chapter * 10 + i, 3 + i) });
    t += dur + 0.4;
  }
  return out;
}

/** Writes `samples` of chapter `seed` as a WAV file without holding them in memory. */
async function writeSyntheticWav(file: string, seed: number, samples: number): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const out = createWriteStream(file);
  const header = wavBytes(new Int16Array(0), SR);
  const v = new DataView(header.buffer);
  v.setUint32(4, 36 + samples * 2, true);
  v.setUint32(40, samples * 2, true);
  out.write(header);
  const CHUNK = 1 << 16;
  for (let at = 0; at < samples; at += CHUNK) {
    const n = Math.min(CHUNK, samples - at);
    const buf = new Int16Array(n);
    for (let i = 0; i < n; i++) buf[i] = syntheticSample(seed, at + i);
    if (!out.write(Buffer.from(buf.buffer))) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

export async function seedExportCorpus(opts: SeedExportCorpusOptions = {}) {
  const db = getDb();
  const project = await db.project.create({ data: { name: opts.projectName ?? `export ${Date.now()} ${Math.random().toString(36).slice(2, 7)}` } });
  const books: { id: string; chapters: { id: string; seed: number; pcmKey: string; fragmentIds: string[] }[] }[] = [];
  const nBooks = opts.books ?? 2;
  const nChapters = opts.chaptersPerBook ?? 2;
  for (let b = 0; b < nBooks; b++) {
    const book = await db.book.create({
      data: { projectId: project.id, title: `Libro ${b + 1}`, speakerId: opts.speakerIds ? opts.speakerIds[b] ?? null : `lector-${b + 1}` },
    });
    const chapters: (typeof books)[number]['chapters'] = [];
    for (let c = 0; c < nChapters; c++) {
      const frags = (opts.fragments ?? defaultFragments)(b, c);
      const durationSec = (frags.at(-1)?.end ?? 0) + (opts.tailSec ?? 0.5);
      const samples = Math.round(durationSec * SR);
      const seed = b * 31 + c + 1;
      const audio = await db.audioFile.create({
        data: { bookId: book.id, position: c, originalName: `c${c}.wav`, originalKey: `x/${b}/${c}`, sha256: 'x', size: samples * 2 + 44, status: 'ready', durationSec, sampleRate: SR, channels: 1 },
      });
      const pcmKey = storageKeys.audioPcm(book.id, audio.id);
      // through the storage, so the corpus can live in an S3 bucket too
      await getStorage().putWith(pcmKey, (file) => writeSyntheticWav(file, seed, samples));
      await db.audioFile.update({ where: { id: audio.id }, data: { pcmKey, pcmSamples: samples } });
      const part = await db.textPart.create({ data: { bookId: book.id, position: c, firstParagraph: 0, lastParagraph: frags.length - 1 } });
      const chapter = await db.chapter.create({
        data: { bookId: book.id, position: c, title: `Capítulo ${c + 1}`, audioFileId: audio.id, textPartId: part.id, alignStatus: 'aligned' },
      });
      await db.fragment.createMany({
        data: frags.map((f, i) => ({
          chapterId: chapter.id,
          position: i,
          begin: f.begin,
          end: f.end,
          text: f.sentences ? f.sentences.map((x) => original(x.text)).join(' ') : original(f.text),
          normText: f.sentences ? f.sentences.map((x) => x.text).join(' ') : f.text,
          status: f.status,
          confidence: f.confidence,
          kind: f.kind ?? 'paragraph',
          sentences: f.sentences ? JSON.stringify(f.sentences.map((x) => ({ text: original(x.text), normText: x.text, begin: x.begin, end: x.end, ...(x.confidence !== undefined ? { confidence: x.confidence } : {}) }))) : null,
        })),
      });
      const ids = await db.fragment.findMany({ where: { chapterId: chapter.id }, orderBy: { position: 'asc' }, select: { id: true } });
      chapters.push({ id: chapter.id, seed, pcmKey, fragmentIds: ids.map((x) => x.id) });
    }
    books.push({ id: book.id, chapters });
  }
  return { projectId: project.id, books };
}
