import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeSpeechExample } from '../lib/corpus/speech-example.ts';
import { readTFRecords } from '../lib/corpus/tfrecord-reader.ts';
import { openDb, seedApprovedBook } from './helpers/seed-book.ts';

test('export an aligned, approved book: preview, progress, download a shard and read it back', async ({ page, request }, testInfo) => {
  const { projectId } = await seedApprovedBook(request, 'E2E Export');
  const db = openDb();
  const expected = (
    db
      .prepare(
        `SELECT COUNT(*) AS n FROM Fragment f JOIN Chapter c ON c.id = f.chapterId JOIN Book b ON b.id = c.bookId
         WHERE b.projectId = ? AND f.status = 'approved' AND f.kind = 'paragraph' AND f."end" - f."begin" >= 0.5 AND f."end" - f."begin" <= 20`,
      )
      .get(projectId) as { n: number }
  ).n;
  db.close();
  expect(expected).toBeGreaterThan(3);

  await page.goto(`/projects/${projectId}`);
  await page.getByRole('link', { name: 'Export' }).click();
  await expect(page.getByRole('heading', { name: 'Export corpus' })).toBeVisible();

  await page.getByLabel('Min duration (s)').fill('0.5');
  await page.getByLabel('Group by').selectOption('fragment');
  await page.getByLabel('Shard size (MB)').fill('0.5');
  const preview = page.getByRole('table', { name: 'Preview' });
  const totalRow = preview.getByRole('row').filter({ hasText: 'total' });
  await expect(totalRow.getByRole('cell').nth(1)).toHaveText(String(expected));
  await expect(preview.getByRole('row').filter({ hasText: 'train' })).toBeVisible();

  await page.getByRole('button', { name: 'Export' }).click();
  const item = page.getByRole('listitem', { name: /^Export exp_/ }).first();
  await expect(item.getByRole('progressbar', { name: 'Export progress' }).or(item.getByText('succeeded'))).toBeVisible();
  await expect(item.getByText('succeeded', { exact: true })).toBeVisible({ timeout: 120_000 });
  await expect(item.getByRole('progressbar')).toHaveCount(0);
  await expect(item.getByRole('table', { name: 'Export statistics' })).toBeVisible();

  // The database agrees.
  const db2 = openDb();
  const row = db2.prepare('SELECT * FROM Export WHERE projectId = ?').get(projectId) as { status: string; stats: string; dir: string };
  db2.close();
  expect(row.status).toBe('succeeded');
  expect(JSON.parse(row.stats).examples).toBe(expected);

  // Download a shard through its link and read it with the TFRecord reader.
  await item.getByText(/^Files \(\d+\)$/).click();
  const link = item.getByRole('link', { name: /^tfrecord\/train-00000-of-\d{5}\.tfrecord$/ });
  const downloadPromise = page.waitForEvent('download');
  await link.click();
  const download = await downloadPromise;
  const file = testInfo.outputPath('shard.tfrecord');
  await download.saveAs(file);
  const ds = JSON.parse(readFileSync(path.join(row.dir, 'dataset.json'), 'utf8'));
  const linkText = (await link.textContent())!.trim();
  const shard = ds.shards.find((s: { file: string }) => s.file === linkText);
  expect(shard).toBeDefined();
  let n = 0;
  for await (const rec of readTFRecords(file)) {
    const ex = decodeSpeechExample(rec);
    expect(ex.sampleRate).toBe(16000);
    expect(ex.reviewStatus).toBe('approved');
    expect(ex.speakerId).toBe('espeak-es');
    expect(ex.text.length).toBeGreaterThan(0);
    n++;
  }
  expect(n).toBe(shard.examples);

  // Verify from the UI.
  await item.getByRole('button', { name: 'Verify' }).click();
  await expect(item.getByRole('status')).toContainText('Verified');
  // The whole export as a tar, and a Range request on a shard.
  const tar = await request.get(`/api/exports/${row.dir.split('/').at(-1)}/archive`);
  expect(tar.headers()['content-type']).toBe('application/x-tar');
  const part = await request.get(`/api/exports/${row.dir.split('/').at(-1)}/files/${shard.file}`, { headers: { range: 'bytes=0-11' } });
  expect(part.status()).toBe(206);
  expect((await part.body()).length).toBe(12);
  const escape = await request.get(`/api/exports/${row.dir.split('/').at(-1)}/files/..%2F..%2Falinea.db`);
  expect([400, 404]).toContain(escape.status());
});
