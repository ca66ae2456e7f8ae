import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeSpeechExample } from '../lib/corpus/speech-example.ts';
import { readTFRecords } from '../lib/corpus/tfrecord-reader.ts';
import { openDb, seedApprovedBook } from './helpers/seed-book.ts';

// An export by sentence from the export page: every sentence of an approved paragraph that passes the duration
// filter is one example, read back from the shards with its own id, audio length and transcript.

type Sentence = { text: string; normText: string; begin: number; end: number };

test('export by sentence: one example per sentence, read back from the shards', async ({ page, request }) => {
  test.setTimeout(240_000);
  const { projectId } = await seedApprovedBook(request, 'E2E Export sentences');
  const db = openDb();
  const rows = db
    .prepare(
      `SELECT f.id, f.sentences FROM Fragment f JOIN Chapter c ON c.id = f.chapterId JOIN Book b ON b.id = c.bookId
       WHERE b.projectId = ? AND f.status = 'approved' AND f.kind = 'paragraph' ORDER BY c.position, f.position`,
    )
    .all(projectId) as { id: string; sentences: string | null }[];
  db.close();
  const expected = new Map<string, Sentence>();
  let paragraphs = 0;
  for (const r of rows) {
    const sentences = JSON.parse(r.sentences!) as Sentence[];
    if (sentences.length > 1) paragraphs++;
    sentences.forEach((s, k) => {
      if (s.end - s.begin >= 0.5 && s.end - s.begin <= 20) expected.set(`${r.id}.s${k + 1}`, s);
    });
  }
  expect(paragraphs, 'paragraphs of several sentences').toBeGreaterThan(3);
  expect(expected.size).toBeGreaterThan(rows.length);

  await page.goto(`/projects/${projectId}/export`);
  await expect(page.getByRole('heading', { name: 'Export corpus' })).toBeVisible();
  await page.getByLabel('Unit').selectOption('sentence');
  await page.getByLabel('Min duration (s)').fill('0.5');
  await page.getByLabel('Group by').selectOption('fragment');
  const totalRow = page.getByRole('table', { name: 'Preview' }).getByRole('row').filter({ hasText: 'total' });
  await expect(totalRow.getByRole('cell').nth(1)).toHaveText(String(expected.size));

  await page.getByRole('button', { name: 'Export' }).click();
  const item = page.getByRole('listitem', { name: /^Export exp_/ }).first();
  await expect(item.getByText('succeeded', { exact: true })).toBeVisible({ timeout: 120_000 });
  await expect(item).toContainText('sentences ·');

  const db2 = openDb();
  const row = db2.prepare('SELECT dir, stats FROM Export WHERE projectId = ?').get(projectId) as { dir: string; stats: string };
  db2.close();
  expect(JSON.parse(row.stats).examples).toBe(expected.size);
  const ds = JSON.parse(readFileSync(path.join(row.dir, 'dataset.json'), 'utf8'));
  expect(ds.unit).toBe('sentence');
  const seen = new Set<string>();
  for (const shard of ds.shards.filter((s: { format: string }) => s.format === 'tfrecord')) {
    for await (const rec of readTFRecords(path.join(row.dir, shard.file))) {
      const ex = decodeSpeechExample(rec);
      const s = expected.get(ex.id);
      expect(s, `${ex.id} is an expected sentence`).toBeDefined();
      // its own audio (no padding): the sentence's span, to the sample
      expect(ex.numSamples).toBe(Math.round(s!.end * 16000) - Math.round(s!.begin * 16000));
      expect(ex.text).toBe(s!.normText);
      expect(ex.textOriginal).toBe(s!.text);
      expect(ex.reviewStatus).toBe('approved');
      expect(ex.speakerId).toBe('espeak-es');
      seen.add(ex.id);
    }
  }
  expect(seen.size).toBe(expected.size);
});
