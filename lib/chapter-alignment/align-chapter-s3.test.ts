// alignChapter with the files in an S3-compatible bucket (s3rver): the job reads the chapter's 16 kHz audio through a
// scratch copy (Storage.withLocalFile), aligns it (a real reading, common-voice from ../shared/fixtures/real-es) and
// leaves no scratch file behind — the alignment job needs no disk shared with the web server.
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { convertToPcm } from '../audio/convert-to-pcm.ts';
import { scoreAlignment } from '../align/score-alignment.ts';
import { getDb } from '../db/client.ts';
import { getStorage } from '../storage/storage.ts';
import { realEsRecordings } from '../testing/real-es-fixture.ts';
import { seedReviewChapter } from '../testing/seed-review-chapter.ts';
import { useS3TestStorage } from '../testing/use-s3-test-storage.ts';
import { useTestEnv } from '../testing/use-test-env.ts';
import { alignChapter } from './align-chapter.ts';

let work: string;
useS3TestStorage({ bucket: 'alinea-align' });
const env = useTestEnv();
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('alignChapter on S3 storage', () => {
  it('aligns a real reading stored in the bucket, every boundary in its true pause, and removes its scratch copy', async () => {
    expect(getStorage().kind).toBe('s3');
    const rec = realEsRecordings().find((r) => r.name === 'common-voice')!;
    work = await mkdtemp(path.join(tmpdir(), 'alinea-align-s3-'));
    const wav = path.join(work, 'pcm.wav');
    await convertToPcm(rec.audio, wav);
    const { chapterId } = await seedReviewChapter({ fragments: rec.lines.map((text) => ({ text, status: 'auto' })), durationSec: rec.truth.duration });
    const db = getDb();
    const chapter = await db.chapter.findUniqueOrThrow({ where: { id: chapterId } });
    const pcmKey = `books/${chapter.bookId}/audio/${chapter.audioFileId}/pcm.wav`;
    await getStorage().putFile(pcmKey, wav);
    await db.audioFile.update({ where: { id: chapter.audioFileId }, data: { pcmKey } });
    // nothing of the book on this machine's disk: only in the bucket
    expect(existsSync(path.join(env.dataDir, 'files', 'books'))).toBe(false);

    await alignChapter(chapterId, { progress: () => undefined, signal: new AbortController().signal, isFinalAttempt: true });

    const frags = await db.fragment.findMany({ where: { chapterId }, orderBy: { position: 'asc' } });
    const s = scoreAlignment(frags.map((f) => ({ begin: f.begin!, end: f.end! })), rec.truth);
    expect(s.inPauseShare).toBe(1);
    expect((await db.chapter.findUniqueOrThrow({ where: { id: chapterId } })).alignStatus).toBe('aligned');
    const scratch = path.join(env.dataDir, '.tmp');
    const left = existsSync(scratch) ? (await readdir(scratch)).filter((f) => f.endsWith('.wav')) : [];
    expect(left).toEqual([]);
  });
});
