// A worker stopped mid-job (SIGTERM to its process group, as Ctrl+C or `npm start`'s stop sends it) hands the
// job back: queued, the attempt not counted, its espeak-ng/ffmpeg children ended and its temp files gone; the
// next worker finishes it with no click.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { createReadStream, mkdirSync, readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { useTestEnv } from '../lib/testing/use-test-env.ts';
import { getDb } from '../lib/db/client.ts';
import { getStorage } from '../lib/storage/storage.ts';
import { createProject } from '../lib/ingest/create-project.ts';
import { createBook } from '../lib/ingest/create-book.ts';
import { addBookAudio } from '../lib/ingest/add-book-audio.ts';
import { importBook } from '../lib/ingest/import-book.ts';
import { synthesizeSpeech } from '../lib/audio/synthesize-speech.ts';
import { jobRegistry } from './job-registry.ts';

const env = useTestEnv({ env: { ALINEA_JOB_LEASE_SECONDS: '30' } });
const workers: ChildProcess[] = [];
afterAll(() => {
  for (const w of workers) if (w.exitCode === null && w.signalCode === null) process.kill(-w.pid!, 'SIGKILL');
});

type Worker = { child: ChildProcess; log: () => string; exited: Promise<number | null> };

/** A worker in its own process group (as a terminal runs it), with a temp dir inside the test's data dir. */
function startWorker(extraEnv: Record<string, string> = {}): Worker {
  const tmp = path.join(env.dataDir, 'tmp');
  mkdirSync(tmp, { recursive: true });
  const child = spawn(process.execPath, [path.resolve('bin/alinea.mjs'), 'worker'], {
    env: { ...process.env, ALINEA_DATA_DIR: env.dataDir, DATABASE_URL: process.env.DATABASE_URL, ALINEA_JOB_LEASE_SECONDS: '30', TMPDIR: tmp, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  workers.push(child);
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, log: () => out, exited };
}

/** Stops a worker the way Ctrl+C does: the signal to its whole process group. Resolves with its exit code. */
async function stopGroup(w: Worker): Promise<number | null> {
  process.kill(-w.child.pid!, 'SIGTERM');
  const code = await Promise.race([w.exited, new Promise<'hung'>((r) => setTimeout(() => r('hung'), 30_000))]);
  if (code === 'hung') throw new Error(`the worker did not exit after SIGTERM:\n${w.log()}`);
  return code;
}

/** Running processes whose command line mentions the test's data dir (its espeak-ng, ffmpeg, ffprobe). */
function childrenOfTest(): string[] {
  try {
    return execFileSync('pgrep', ['-a', '-f', `(espeak-ng|ffmpeg|ffprobe) .*${env.dataDir}`], { encoding: 'utf8' }).split('\n').filter(Boolean);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

/** Every temp file under the data dir: `.part`, a TTS cache entry being written, or anything in tmp/ (the worker's TMPDIR). */
function tempFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (/^tmp\/tsx-/.test(path.relative(env.dataDir, p))) continue; // tsx's compile cache
      if (e.isDirectory()) walk(p);
      else if (/\.part$/.test(e.name) || /\.wav\.\d+\./.test(e.name) || path.relative(env.dataDir, p).startsWith('tmp')) out.push(p);
    }
  };
  walk(env.dataDir);
  return out;
}

async function waitFor<T>(fn: () => T | null | undefined | false | Promise<T | null | undefined | false>, timeoutMs: number, what: string, log?: () => string): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}${log ? `\n${log()}` : ''}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const PARAGRAPH = (k: number) =>
  `Párrafo ${k + 1}. El farero subía cada tarde los ${k + 40} escalones de la torre, miraba el mar y anotaba en su cuaderno ` +
  `el color de las olas, el viento del norte y los barcos que pasaban hacia el puerto número ${k + 3}.`;

describe('stopping a worker mid-job', () => {
  it('alignment: SIGTERM to the worker’s group while espeak-ng runs hands the job back; the next worker aligns the chapter', async () => {
    // one chapter of 24 distinct paragraphs: a cold TTS cache makes its alignment take several seconds
    const src = path.join(env.dataDir, 'src');
    mkdirSync(src, { recursive: true });
    const paragraphs = Array.from({ length: 24 }, (_, k) => PARAGRAPH(k));
    await writeFile(path.join(src, 'faro.txt'), `El faro\n\n${paragraphs.join('\n\n')}\n`);
    await synthesizeSpeech(paragraphs.join(' '), path.join(src, 'faro.wav'), { voice: 'es-419', wordsPerMinute: 170 });
    const summary = await importBook({ registry: jobRegistry, project: 'Stop', audio: [path.join(src, 'faro.wav')], text: path.join(src, 'faro.txt') });
    expect(summary.chapters).toBe(1);
    const db = getDb();
    const job = await db.job.findFirstOrThrow({ where: { bookId: summary.bookId, type: 'align-chapter' } });
    const chapterId = (await db.chapter.findFirstOrThrow({ where: { bookId: summary.bookId } })).id;
    expect(job).toMatchObject({ status: 'queued', attempts: 0 });

    const first = startWorker({ ALINEA_WORKER_STOP_GRACE_SECONDS: '0.2' });
    await waitFor(() => childrenOfTest().some((p) => p.includes('espeak-ng')), 60_000, 'espeak-ng to run', first.log);
    expect(await stopGroup(first)).toBe(0);
    expect(first.log()).toContain(`align-chapter ${job.id}: handed-back`);

    const back = await db.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(back).toMatchObject({ status: 'queued', attempts: 0, lockedBy: null, leaseUntil: null, error: null, finishedAt: null });
    const chapter = await db.chapter.findUniqueOrThrow({ where: { id: chapterId } });
    expect(chapter).toMatchObject({ alignStatus: 'pending', alignError: null });
    expect(childrenOfTest()).toEqual([]);
    expect(tempFiles()).toEqual([]);

    const second = startWorker();
    const done = await waitFor(
      async () => {
        const j = await db.job.findUniqueOrThrow({ where: { id: job.id } });
        return ['succeeded', 'failed'].includes(j.status) ? j : null;
      },
      180_000,
      'the job to finish',
      second.log,
    );
    expect(done).toMatchObject({ status: 'succeeded', attempts: 1 });
    expect(await db.chapter.findUniqueOrThrow({ where: { id: chapterId } })).toMatchObject({ alignStatus: 'aligned', alignError: null });
    expect(await stopGroup(second)).toBe(0);
    expect(childrenOfTest()).toEqual([]);
    expect(tempFiles()).toEqual([]);
  }, 300_000);

  it('ingest: SIGTERM to the worker’s group while ffmpeg converts hands the job back; the next worker ingests the file', async () => {
    const src = path.join(env.dataDir, 'src', 'long.flac');
    mkdirSync(path.dirname(src), { recursive: true });
    execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'anoisesrc=d=900:c=pink:r=16000:a=0.05', '-ac', '1', src]);
    const project = await createProject({ name: 'stop ingest' });
    const book = await createBook({ projectId: project.id, title: 'stop ingest' });
    const { added } = await addBookAudio(book.id, 'long.flac', createReadStream(src));
    const db = getDb();
    const job = await db.job.findFirstOrThrow({ where: { bookId: book.id, type: 'ingest-audio' } });

    const first = startWorker({ ALINEA_WORKER_STOP_GRACE_SECONDS: '0.2' });
    await waitFor(() => childrenOfTest().some((p) => / -progress /.test(p)), 60_000, 'ffmpeg to convert', first.log);
    expect(await stopGroup(first)).toBe(0);
    expect(first.log()).toContain(`ingest-audio ${job.id}: handed-back`);

    expect(await db.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({
      status: 'queued', attempts: 0, lockedBy: null, leaseUntil: null, error: null, finishedAt: null,
    });
    expect(await db.audioFile.findUniqueOrThrow({ where: { id: added[0]!.id } })).toMatchObject({ status: 'uploaded', error: null, pcmKey: null });
    expect(childrenOfTest()).toEqual([]);
    expect(tempFiles()).toEqual([]);

    const second = startWorker();
    const done = await waitFor(
      async () => {
        const j = await db.job.findUniqueOrThrow({ where: { id: job.id } });
        return ['succeeded', 'failed'].includes(j.status) ? j : null;
      },
      120_000,
      'the job to finish',
      second.log,
    );
    expect(done).toMatchObject({ status: 'succeeded', attempts: 1 });
    const audio = await db.audioFile.findUniqueOrThrow({ where: { id: added[0]!.id } });
    expect(audio.status).toBe('ready');
    const dir = path.dirname(getStorage().localPath(audio.pcmKey!));
    expect(readdirSync(dir).sort()).toEqual(['audio-16k.wav', 'original.flac', 'peaks.bin', 'spectrogram.bin']);
    expect(await stopGroup(second)).toBe(0);
    expect(childrenOfTest()).toEqual([]);
    expect(tempFiles()).toEqual([]);
  }, 300_000);
});
