// A worker killed mid-job: the job is picked up again once its lease expires, finishes, and nothing
// half-written is ever used.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { createReadStream, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { useTestEnv } from '../lib/testing/use-test-env.ts';
import { getDb } from '../lib/db/client.ts';
import { getStorage } from '../lib/storage/storage.ts';
import { createProject } from '../lib/ingest/create-project.ts';
import { createBook } from '../lib/ingest/create-book.ts';
import { addBookAudio } from '../lib/ingest/add-book-audio.ts';
import { openWav } from '../lib/audio/wav-reader.ts';

const env = useTestEnv({ env: { ALINEA_JOB_LEASE_SECONDS: '5' } });
const children: ChildProcess[] = [];
afterAll(() => children.forEach((c) => c.kill('SIGKILL')));

function startWorker(): ChildProcess {
  const child = spawn(process.execPath, [path.resolve('bin/alinea.mjs'), 'worker'], {
    env: { ...process.env, ALINEA_DATA_DIR: env.dataDir, DATABASE_URL: process.env.DATABASE_URL, ALINEA_JOB_LEASE_SECONDS: '5' },
    stdio: 'ignore',
  });
  children.push(child);
  return child;
}

async function waitFor<T>(fn: () => Promise<T | null | undefined | false>, timeoutMs: number, what: string): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('worker crash', () => {
  it('a killed worker’s job is resumed by another worker after the lease, with valid outputs', async () => {
    const src = path.join(env.dataDir, 'long.flac');
    execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'anoisesrc=d=1800:c=pink:r=16000:a=0.05', '-ac', '1', src]);
    const project = await createProject({ name: 'crash' });
    const book = await createBook({ projectId: project.id, title: 'crash' });
    const { added } = await addBookAudio(book.id, 'long.flac', createReadStream(src));
    const db = getDb();

    const first = startWorker();
    const job = await waitFor(() => db.job.findFirst({ where: { bookId: book.id, status: 'running' } }), 30_000, 'the job to start');
    await waitFor(async () => ((await db.job.findUnique({ where: { id: job.id } }))?.progress ?? 0) > 0.02, 5_000, 'progress').catch(() => null);
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));

    const killedAt = Date.now();
    const afterKill = await db.audioFile.findUniqueOrThrow({ where: { id: added[0]!.id } });
    expect(afterKill.status).not.toBe('ready');
    expect(afterKill.pcmKey).toBeNull();

    startWorker();
    const done = await waitFor(
      async () => {
        const j = await db.job.findUnique({ where: { id: job.id } });
        return j && ['succeeded', 'failed'].includes(j.status) ? j : null;
      },
      90_000,
      'the job to finish',
    );
    expect(done.status).toBe('succeeded');
    expect(done.attempts).toBe(2);
    expect(Date.now() - killedAt).toBeGreaterThan(2_000); // it waited for the lease to expire
    const audio = await db.audioFile.findUniqueOrThrow({ where: { id: added[0]!.id } });
    expect(audio.status).toBe('ready');
    const wav = await openWav(getStorage().localPath(audio.pcmKey!));
    expect(wav.samples).toBe(1800 * 16000);
    expect(audio.pcmSamples).toBe(wav.samples);
    // only complete files under final names; the killed attempt's temp files were cleaned up by the retry
    const dir = path.dirname(getStorage().localPath(audio.pcmKey!));
    expect(readdirSync(dir).sort()).toEqual(['audio-16k.wav', 'original.flac', 'peaks.bin', 'spectrogram.bin']);
  }, 150_000);
});
