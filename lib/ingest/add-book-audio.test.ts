import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestEnv } from '../testing/use-test-env.ts';
import { getDb } from '../db/client.ts';
import { buildTestZip } from '../text/test-zip.ts';
import { createProject } from './create-project.ts';
import { createBook } from './create-book.ts';
import { addBookAudio } from './add-book-audio.ts';
import { reorderAudioFiles } from './reorder-audio-files.ts';

const env = useTestEnv({ env: { ALINEA_MAX_UPLOAD_MB: '1' } });
let mp3: Buffer;
let projectId: string;

beforeAll(() => {
  const dir = mkdtempSync(path.join(tmpdir(), 'alinea-audio-'));
  const file = path.join(dir, 'tone.mp3');
  execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=1', '-b:a', '32k', file]);
  mp3 = readFileSync(file);
});

async function newBook(title: string) {
  projectId ??= (await createProject({ name: 'audio tests' })).id;
  return createBook({ projectId, title });
}

function bookFiles(bookId: string): string[] {
  const dir = path.join(env.dataDir, 'files', 'books', bookId, 'audio');
  return existsSync(dir) ? readdirSync(dir) : [];
}

describe('addBookAudio', () => {
  it('stores an audio file with its sha256, queues its ingest, and orders files naturally', async () => {
    const book = await newBook('order');
    for (const name of ['libro_10_x.mp3', 'libro_2_x.mp3', 'libro_1_x.mp3']) {
      await addBookAudio(book.id, name, Readable.from([mp3]));
    }
    const files = await getDb().audioFile.findMany({ where: { bookId: book.id }, orderBy: { position: 'asc' } });
    expect(files.map((f) => f.originalName)).toEqual(['libro_1_x.mp3', 'libro_2_x.mp3', 'libro_10_x.mp3']);
    const { createHash } = await import('node:crypto');
    expect(files[0]!.sha256).toBe(createHash('sha256').update(mp3).digest('hex'));
    expect(files[0]!.size).toBe(mp3.length);
    expect(await getDb().job.count({ where: { bookId: book.id, type: 'ingest-audio', status: 'queued' } })).toBe(3);
    // the user can reorder
    await reorderAudioFiles(book.id, [files[2]!.id, files[0]!.id, files[1]!.id]);
    const again = await getDb().audioFile.findMany({ where: { bookId: book.id }, orderBy: { position: 'asc' } });
    expect(again.map((f) => f.originalName)).toEqual(['libro_10_x.mp3', 'libro_1_x.mp3', 'libro_2_x.mp3']);
    await expect(reorderAudioFiles(book.id, [files[0]!.id])).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('takes the audio out of a LibriVox ZIP and skips other entries with a notice', async () => {
    const book = await newBook('zip');
    const zip = buildTestZip([
      { name: 'libro/libro_02_autor_64kb.mp3', data: mp3 },
      { name: 'libro/libro_01_autor_64kb.mp3', data: mp3, deflate: true },
      { name: 'libro/cover.jpg', data: 'jpeg' },
      { name: 'libro/readme.txt', data: 'hello' },
    ]);
    const r = await addBookAudio(book.id, 'libro_64kb_mp3.zip', Readable.from([Buffer.from(zip)]));
    expect(r.added.map((a) => a.name).sort()).toEqual(['libro_01_autor_64kb.mp3', 'libro_02_autor_64kb.mp3']);
    expect(r.skipped).toEqual(['libro/cover.jpg', 'libro/readme.txt']);
    const stored = await getDb().audioFile.findMany({ where: { bookId: book.id }, orderBy: { position: 'asc' } });
    expect(stored.map((s) => s.originalName)).toEqual(['libro_01_autor_64kb.mp3', 'libro_02_autor_64kb.mp3']);
    expect(stored.every((s) => s.size === mp3.length)).toBe(true);
    const notices = JSON.parse((await getDb().book.findUniqueOrThrow({ where: { id: book.id } })).notices!);
    expect(notices.join('\n')).toContain('cover.jpg');
    // no temp upload left behind
    expect(readdirSync(path.join(env.dataDir, 'files', 'books', book.id, 'uploads'))).toEqual([]);
  });

  it('rejects a ZIP with a ../ or absolute entry and keeps nothing from it', async () => {
    const book = await newBook('evil zip');
    await addBookAudio(book.id, 'kept.mp3', Readable.from([mp3]));
    for (const bad of ['../../etc/evil.mp3', '/abs/evil.mp3']) {
      const zip = buildTestZip([
        { name: 'ok_01.mp3', data: mp3 },
        { name: bad, data: mp3 },
      ]);
      await expect(addBookAudio(book.id, 'evil.zip', Readable.from([Buffer.from(zip)]))).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        message: expect.stringContaining('evil.zip'),
      });
    }
    const stored = await getDb().audioFile.findMany({ where: { bookId: book.id } });
    expect(stored.map((s) => s.originalName)).toEqual(['kept.mp3']);
    expect(bookFiles(book.id)).toHaveLength(1);
    expect(existsSync(path.join(env.dataDir, 'files', 'etc'))).toBe(false);
  });

  it('rejects a corrupt ZIP, an empty file, an unsupported type and an over-limit file, by name', async () => {
    const book = await newBook('bad files');
    await expect(addBookAudio(book.id, 'broken.zip', Readable.from([Buffer.from('PK not really a zip')]))).rejects.toMatchObject({
      code: 'UNSUPPORTED_MEDIA',
      message: expect.stringContaining('broken.zip'),
    });
    await expect(addBookAudio(book.id, 'empty.mp3', Readable.from([]))).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('empty.mp3 is empty'),
    });
    await expect(addBookAudio(book.id, 'notes.docx', Readable.from([Buffer.from('x')]))).rejects.toMatchObject({
      code: 'UNSUPPORTED_MEDIA',
      message: expect.stringContaining('notes.docx'),
    });
    const big = Buffer.alloc(1024 * 1024 + 10, 1);
    await expect(addBookAudio(book.id, 'huge.wav', Readable.from([big]))).rejects.toMatchObject({
      code: 'TOO_LARGE',
      message: expect.stringContaining('huge.wav'),
    });
    expect(await getDb().audioFile.count({ where: { bookId: book.id } })).toBe(0);
    expect(bookFiles(book.id)).toEqual([]);
  });
});
