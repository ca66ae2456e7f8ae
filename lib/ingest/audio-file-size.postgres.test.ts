// An audio file over 2 GiB (a 10 h WAV at CD quality is 6.3 GB): its size must survive PostgreSQL, whose Int is 32-bit.
import { expect, it } from 'vitest';
import { getDb } from '../db/client.ts';
import { useTestEnv } from '../testing/use-test-env.ts';

useTestEnv();

it('keeps the byte size of an audio file larger than 2 GiB exactly', async () => {
  const db = getDb();
  const project = await db.project.create({ data: { name: 'Big files' } });
  const book = await db.book.create({ data: { projectId: project.id, title: 'Diez horas' } });
  const size = 6_350_400_044; // 10 h of 44.1 kHz stereo 16-bit PCM plus a 44-byte header
  const file = await db.audioFile.create({
    data: { bookId: book.id, position: 0, originalName: 'diez-horas.wav', originalKey: 'books/x/audio/y/original.wav', sha256: '0'.repeat(64), size },
  });
  expect((await db.audioFile.findUniqueOrThrow({ where: { id: file.id } })).size).toBe(size);
  expect(await db.audioFile.count({ where: { size: { gt: 2 ** 31 } } })).toBe(1);
});
