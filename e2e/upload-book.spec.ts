import { expect, test } from '@playwright/test';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEMO_CHAPTERS } from '../lib/demo/demo-book.ts';
import { createProject } from './helpers/create-project.ts';
import { AUDIO, EBOOK, openDb } from './helpers/seed-book.ts';

test('upload a 3-file audiobook and its ebook, accept the split, see 3 chapters', async ({ page }) => {
  await createProject(page, 'E2E Faro');
  await page.getByLabel('Title').fill('El faro de la isla');
  // reversed on purpose: the book orders audio by natural file-name order
  await page.getByLabel(/Audio files/).setInputFiles([...AUDIO].reverse());
  await page.getByLabel(/Ebook/).setInputFiles(EBOOK);
  await page.getByRole('button', { name: 'Upload book' }).click();

  await expect(page.getByRole('heading', { name: 'El faro de la isla' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('audio-row')).toHaveCount(3);
  // ingestion runs in the worker; the split is proposed when audio and ebook are ready
  await expect(page.getByTestId('split-part')).toHaveCount(3, { timeout: 90_000 });
  const rows = page.getByTestId('audio-row');
  for (let i = 0; i < 3; i++) await expect(rows.nth(i)).toContainText(path.basename(AUDIO[i]!));
  await expect(rows.first()).toContainText('LUFS');
  await expect(page.getByTestId('split-part').nth(1)).toContainText('CAPÍTULO II');

  await page.getByRole('button', { name: 'Accept split' }).click();
  await expect(page.getByTestId('chapter-row')).toHaveCount(3);
  // the worker aligns every chapter on its own; the list shows status and mean confidence
  for (let i = 0; i < 3; i++) {
    await expect(page.getByTestId('chapter-row').nth(i)).toContainText('aligned', { timeout: 90_000 });
    await expect(page.getByTestId('chapter-row').nth(i)).toContainText(/confidence \d+ %/);
  }

  await page.getByTestId('chapter-row').first().getByRole('link').click();
  const fragments = page.getByTestId('fragment-row');
  await expect(fragments).toHaveCount(DEMO_CHAPTERS[0]!.paragraphs.length + 1);
  await expect(fragments.nth(2)).toContainText('señor tomás tenía sesenta y dos años');
  await expect(page.getByTestId('fragment-time').first()).toHaveText(/^\d+\.\d\d–\d+\.\d\d$/);
  await expect(page.getByTestId('fragment-confidence').first()).toHaveText(/^\d+ %$/);

  // the database matches what the user saw
  const db = openDb();
  try {
    const book = db.prepare("SELECT * FROM Book WHERE title = 'El faro de la isla'").get() as { id: string; splitStatus: string };
    expect(book.splitStatus).toBe('accepted');
    const audio = db.prepare('SELECT * FROM AudioFile WHERE bookId = ? ORDER BY position').all(book.id) as { originalName: string; status: string; sha256: string; durationSec: number; pcmKey: string }[];
    expect(audio.map((a) => a.originalName)).toEqual(AUDIO.map((a) => path.basename(a)));
    for (const [i, a] of audio.entries()) {
      expect(a.status).toBe('ready');
      expect(a.sha256).toBe(createHash('sha256').update(readFileSync(AUDIO[i]!)).digest('hex'));
      expect(a.durationSec).toBeGreaterThan(5);
    }
    const chapters = db.prepare('SELECT c.id, c.position, a.originalName FROM Chapter c JOIN AudioFile a ON a.id = c.audioFileId WHERE c.bookId = ? ORDER BY c.position').all(book.id) as { id: string; originalName: string }[];
    expect(chapters.map((c) => c.originalName)).toEqual(AUDIO.map((a) => path.basename(a)));
    for (const [i, c] of chapters.entries()) {
      const frags = db.prepare('SELECT text, normText, "begin", "end" FROM Fragment WHERE chapterId = ? ORDER BY position').all(c.id) as { text: string; begin: number | null; end: number | null }[];
      const expected = DEMO_CHAPTERS[i]!;
      expect(frags.map((f) => f.text)).toEqual([expected.heading, ...expected.paragraphs]);
      expect(frags.every((f) => f.begin !== null && f.end !== null && f.end > f.begin)).toBe(true);
    }
    // the chapter's sync map downloads in aeneas JSON with the times the database holds
    const syncmap = await (await page.request.get(`/api/chapters/${chapters[0]!.id}/syncmap?format=json`)).json();
    const first = db.prepare('SELECT "begin" FROM Fragment WHERE chapterId = ? ORDER BY position LIMIT 1').get(chapters[0]!.id) as { begin: number };
    expect(syncmap.fragments[0].begin).toBe(first.begin.toFixed(3));
    // the editor's data: precomputed peaks and the 16 kHz audio with HTTP Range
    const peaks = await (await page.request.get(`/api/audio/${(audio[0] as unknown as { id: string }).id}/peaks?samplesPerPeak=1600`)).json();
    expect(peaks.samplesPerPeak).toBe(1600);
    expect(peaks.peaks.length).toBeCloseTo((audio[0]!.durationSec * 10) * 2, -1);
    const head = await page.request.get(`/api/audio/${(audio[0] as unknown as { id: string }).id}/pcm`, { headers: { range: 'bytes=0-11' } });
    expect(head.status()).toBe(206);
    expect((await head.body()).subarray(0, 4).toString()).toBe('RIFF');
  } finally {
    db.close();
  }
});

test('bad files get a clear error naming them and lose nothing else', async ({ page }, testInfo) => {
  const corrupt = testInfo.outputPath('broken_02.mp3');
  writeFileSync(corrupt, Buffer.from('this is not audio at all, just text pretending to be an mp3'.repeat(50)));
  const empty = testInfo.outputPath('empty_03.mp3');
  writeFileSync(empty, '');
  await createProject(page, 'E2E Errors');
  await page.getByLabel('Title').fill('Broken book');
  await page.getByLabel(/Audio files/).setInputFiles([AUDIO[0]!, corrupt, empty]);
  await page.getByLabel(/Ebook/).setInputFiles(EBOOK);
  await page.getByRole('button', { name: 'Upload book' }).click();
  // the empty file is refused at upload, by name; the others are kept
  await expect(page.getByRole('alert').filter({ hasText: 'empty_03.mp3 is empty' })).toBeVisible();
  await page.getByRole('link', { name: 'Open the book' }).click();
  await expect(page.getByTestId('audio-row')).toHaveCount(2);
  // the corrupt one fails its ingest, by name, and the good one is ready
  await expect(page.getByTestId('audio-row').filter({ hasText: 'broken_02.mp3' })).toContainText('failed', { timeout: 60_000 });
  await expect(page.getByTestId('audio-row').filter({ hasText: 'broken_02.mp3' }).getByRole('alert')).toContainText('broken_02.mp3');
  await expect(page.getByTestId('audio-row').filter({ hasText: 'faro_01' })).toContainText('ready', { timeout: 60_000 });
  // removing the bad file leaves one audio file and a one-part split
  page.once('dialog', (d) => d.accept());
  await page.getByRole('button', { name: 'Remove broken_02.mp3' }).click();
  await expect(page.getByTestId('audio-row')).toHaveCount(1);
  await expect(page.getByTestId('split-part')).toHaveCount(1, { timeout: 30_000 });
});
