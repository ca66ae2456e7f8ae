// The split editor on a real ingested book: part 1 starts after front matter, the last part ends before back
// matter, and accepting makes chapters without them.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestEnv } from '../testing/use-test-env.ts';
import { getDb } from '../db/client.ts';
import { writeDemoFiles } from '../demo/write-demo-files.ts';
import { DEMO_CHAPTERS } from '../demo/demo-book.ts';
import { createJobRegistry } from '../jobs/create-job-registry.ts';
import { ingestAudioJob, ingestEbookJob } from './book-jobs.ts';
import { importBook } from './import-book.ts';
import { applySplitAction } from './apply-split-action.ts';
import { getBookOverview } from './get-book-overview.ts';

const registry = createJobRegistry([ingestAudioJob, ingestEbookJob]);

useTestEnv();
let files: { audio: string[]; text: string };

beforeAll(async () => {
  files = await writeDemoFiles(await mkdtemp(path.join(tmpdir(), 'alinea-split-')));
});

describe('split editor', () => {
  it('moves the start of part 1 and the end of the last part; the chapters leave front and back matter out', async () => {
    const { bookId } = await importBook({ registry, project: 'Split editor', audio: files.audio, text: files.text, accept: false });
    const before = (await getBookOverview(bookId)).split!;
    expect(before).toMatchObject({ starts: [0, 4, 8], end: 12, paragraphCount: 12 });

    // part 1 starts at its second paragraph; the last part ends one paragraph early
    expect(await applySplitAction(bookId, { action: 'move', partIndex: 0, newStart: 1 })).toEqual({ starts: [1, 4, 8], end: 12 });
    expect(await applySplitAction(bookId, { action: 'end', lastParagraph: 10 })).toEqual({ starts: [1, 4, 8], end: 11 });
    await expect(applySplitAction(bookId, { action: 'end', lastParagraph: 7 })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(applySplitAction(bookId, { action: 'move', partIndex: 2, newStart: 11 })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const split = (await getBookOverview(bookId)).split!;
    expect(split.parts.map((p) => [p.start, p.end])).toEqual([[1, 3], [4, 7], [8, 10]]);

    // accepting what the page showed before the end moved is refused
    await expect(applySplitAction(bookId, { action: 'accept', starts: [1, 4, 8], end: 12 })).rejects.toMatchObject({ code: 'CONFLICT' });
    await applySplitAction(bookId, { action: 'accept', starts: split.starts, end: split.end });

    const chapters = await getDb().chapter.findMany({
      where: { bookId },
      orderBy: { position: 'asc' },
      include: { fragments: { orderBy: { position: 'asc' } }, textPart: true },
    });
    const [one, two, three] = DEMO_CHAPTERS;
    expect(chapters[0]!.fragments.map((f) => f.text)).toEqual(one!.paragraphs);
    expect(chapters[1]!.fragments.map((f) => f.text)).toEqual([two!.heading, ...two!.paragraphs]);
    expect(chapters[2]!.fragments.map((f) => f.text)).toEqual([three!.heading, ...three!.paragraphs.slice(0, -1)]);
    expect(chapters.map((c) => [c.textPart!.firstParagraph, c.textPart!.lastParagraph])).toEqual([[1, 3], [4, 7], [8, 10]]);
  });
});
