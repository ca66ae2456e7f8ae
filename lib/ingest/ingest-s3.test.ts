// Upload and ingest with the files in an S3-compatible bucket (s3rver): a LibriVox-style ZIP is unpacked through a
// scratch copy, each audio file is probed and converted from a scratch copy of its upload, and its 16 kHz PCM and
// peaks are made in scratch files and stored in the bucket — the ingest job needs no disk shared with the web
// server, and leaves nothing on its own.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../db/client.ts';
import { getStorage } from '../storage/storage.ts';
import { buildTestZip } from '../text/test-zip.ts';
import { useS3TestStorage } from '../testing/use-s3-test-storage.ts';
import { useTestEnv } from '../testing/use-test-env.ts';
import { addBookAudio } from './add-book-audio.ts';
import { createBook } from './create-book.ts';
import { createProject } from './create-project.ts';
import { parseSpectrogram } from '../align/parse-spectrogram.ts';
import { storageKeys } from './storage-keys.ts';
import { ingestAudioFile } from './ingest-audio-file.ts';

let work: string;
let mp3: Buffer;
useS3TestStorage({ bucket: 'alinea-ingest' });
beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'alinea-ingest-s3-'));
  const file = path.join(work, 'tone.mp3');
  execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=3', '-ar', '44100', '-b:a', '64k', file]);
  mp3 = readFileSync(file);
});
const env = useTestEnv();
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const ctx = () => ({ jobId: 'j', attempt: 1, isFinalAttempt: true, signal: new AbortController().signal, progress: () => undefined });

describe('upload and ingest on S3 storage', () => {
  it('unpacks a ZIP and ingests its audio into the bucket, nothing left on the local disk', async () => {
    expect(getStorage().kind).toBe('s3');
    const project = await createProject({ name: 's3 ingest' });
    const book = await createBook({ projectId: project.id, title: 'En el cubo' });
    const zip = buildTestZip([
      { name: 'libro/libro_01_64kb.mp3', data: mp3 },
      { name: 'libro/libro_02_64kb.mp3', data: mp3, deflate: true },
      { name: 'libro/cover.jpg', data: 'jpeg' },
    ]);
    const added = await addBookAudio(book.id, 'libro_64kb_mp3.zip', Readable.from([Buffer.from(zip)]));
    expect(added.added.map((a) => a.name).sort()).toEqual(['libro_01_64kb.mp3', 'libro_02_64kb.mp3']);
    expect(added.skipped).toEqual(['libro/cover.jpg']);

    const db = getDb();
    for (const a of added.added) {
      await ingestAudioFile(a.id, ctx());
      const row = await db.audioFile.findUniqueOrThrow({ where: { id: a.id } });
      expect(row.status).toBe('ready');
      expect(row.durationSec).toBeGreaterThan(2.9);
      expect(row.durationSec).toBeLessThan(3.2);
      // the PCM is a 16 kHz mono WAV of that length, in the bucket
      const header = (await getStorage().size(row.pcmKey!))! - row.pcmSamples! * 2;
      expect(header).toBeGreaterThanOrEqual(44);
      expect(header).toBeLessThan(256);
      expect(row.pcmSamples).toBe(Math.round(row.durationSec! * 16_000));
      expect(await getStorage().exists(row.peaksKey!)).toBe(true);
      // the spectrogram overview beside them: 10 columns per second of audio
      const sg = parseSpectrogram(await getStorage().readAll(storageKeys.audioSpectrogram(book.id, a.id)));
      expect(sg.count).toBe(Math.ceil(row.pcmSamples! / 1600));
    }
    // the uploaded ZIP is gone from the bucket; the book's files are objects, not files on this machine's disk
    expect((await getStorage().list(`books/${book.id}/uploads`)).length).toBe(0);
    expect(existsSync(path.join(env.dataDir, 'files', 'books'))).toBe(false);
    // no scratch file left anywhere under the data directory (folders may stay)
    const files = readdirSync(env.dataDir, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile() && !/alinea\.db|auth-secret/.test(d.name))
      .map((d) => path.join(d.parentPath, d.name));
    expect(files).toEqual([]);
  });
});
