import { beforeAll, describe, expect, it } from 'vitest';
import { useTestEnv } from '../testing/use-test-env.ts';
import { getDb } from '../db/client.ts';
import { readSyncMap } from '../align/syncmap/read-syncmap.ts';
import { importChapterSyncMap } from './import-chapter-syncmap.ts';
import { exportChapterSyncMap } from './export-chapter-syncmap.ts';

useTestEnv();
let chapterId: string;

beforeAll(async () => {
  const db = getDb();
  const project = await db.project.create({ data: { name: 'sync' } });
  const book = await db.book.create({ data: { projectId: project.id, title: 'Libro' } });
  const audio = await db.audioFile.create({
    data: { bookId: book.id, position: 0, originalName: 'libro_01.mp3', originalKey: 'k', sha256: 'x', size: 1, status: 'ready', durationSec: 12 },
  });
  const part = await db.textPart.create({ data: { bookId: book.id, position: 0, firstParagraph: 0, lastParagraph: 2 } });
  const chapter = await db.chapter.create({ data: { bookId: book.id, position: 0, title: 'Uno', audioFileId: audio.id, textPartId: part.id } });
  chapterId = chapter.id;
  await db.fragment.createMany({
    data: ['Primera frase, con coma.', 'Segunda "frase".', 'Tercera\nen dos líneas.'].map((text, position) => ({ chapterId, position, text, normText: text.toLowerCase() })),
  });
});

const SRT = `1\n00:00:00,500 --> 00:00:03,000\nPrimera\n\n2\n00:00:03,000 --> 00:00:07,250\nSegunda\n\n3\n00:00:07,250 --> 00:00:11,000\nTercera\n`;

describe('chapter sync maps', () => {
  it('refuses export before alignment', async () => {
    await expect(exportChapterSyncMap(chapterId, 'json')).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('imports an SRT: times replaced, versions bumped, one revision each', async () => {
    const r = await importChapterSyncMap(chapterId, 'fixed.srt', SRT);
    expect(r).toEqual({ format: 'srt', fragments: 3 });
    const frags = await getDb().fragment.findMany({ where: { chapterId }, orderBy: { position: 'asc' } });
    expect(frags.map((f) => [f.begin, f.end])).toEqual([[0.5, 3], [3, 7.25], [7.25, 11]]);
    expect(frags.map((f) => f.version)).toEqual([2, 2, 2]);
    expect(frags[0]!.text).toBe('Primera frase, con coma.'); // text is kept
    const rev = await getDb().fragmentRevision.findFirstOrThrow({ where: { fragmentId: frags[1]!.id } });
    expect(rev.reason).toBe('import srt');
    expect(JSON.parse(rev.before!).begin).toBeNull();
    expect(JSON.parse(rev.after).end).toBe(7.25);
  });

  it('exports every format, and what it exports reads back to the same times', async () => {
    for (const format of ['json', 'smil', 'srt', 'vtt', 'csv', 'tsv', 'aud', 'textgrid'] as const) {
      const out = await exportChapterSyncMap(chapterId, format);
      expect(out.fileName.startsWith('libro_01.')).toBe(true);
      const map = readSyncMap(out.body, format);
      expect(map.fragments.map((f) => [f.begin, f.end])).toEqual([[0.5, 3], [3, 7.25], [7.25, 11]]);
    }
    const json = JSON.parse((await exportChapterSyncMap(chapterId, 'json')).body);
    expect(json.fragments[2]).toMatchObject({ id: 'f000003', begin: '7.250', lines: ['Tercera', 'en dos líneas.'] });
  });

  it('refuses a map with another fragment count or times outside the audio, changing nothing', async () => {
    await expect(importChapterSyncMap(chapterId, 'short.srt', SRT.split('\n\n3')[0]!)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('short.srt has 2 fragments'),
    });
    await expect(importChapterSyncMap(chapterId, 'long.srt', SRT.replace('00:00:11,000', '00:01:40,000'))).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('outside the audio'),
    });
    await expect(importChapterSyncMap(chapterId, 'junk.srt', 'not a sync map')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const frags = await getDb().fragment.findMany({ where: { chapterId }, orderBy: { position: 'asc' } });
    expect(frags.map((f) => f.version)).toEqual([2, 2, 2]);
  });
});
