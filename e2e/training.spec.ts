import { expect, test, type APIRequestContext } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { wavBytes } from '../lib/audio/wav-bytes.ts';
import { ok, openDb, seedAlignedBook } from './helpers/seed-book.ts';

/** A project with one aligned book and a succeeded tfrecord export of its fragments (all through the API). */
async function seedExport(request: APIRequestContext, name: string) {
  const { projectId, chapters } = await seedAlignedBook(request, name);
  const { export: exp } = await ok<{ export: { id: string } }>(
    request.post(`/api/projects/${projectId}/exports`, {
      data: { group: 'fragment', formats: ['tfrecord'], filters: { statuses: ['auto', 'edited', 'approved'], minDuration: 0.5, maxDuration: 20 } },
    }),
  );
  await expect.poll(async () => (await ok<{ export: { status: string } }>(request.get(`/api/exports/${exp.id}`))).export.status, { timeout: 120_000 }).toBe('succeeded');
  return { projectId, exportId: exp.id, chapterId: chapters[0]!.id };
}

test('train on an export: live loss chart, the run finishes, the model checks a chapter and runs in the browser', async ({ page, request }, testInfo) => {
  const { projectId, exportId, chapterId } = await seedExport(request, 'E2E Training');

  await page.goto(`/projects/${projectId}/export`);
  const item = page.getByRole('listitem', { name: `Export ${exportId}` });
  await item.getByRole('button', { name: 'Train on this export' }).click();
  const form = item.getByRole('form', { name: 'Train on this export' });
  await form.getByLabel('Steps').fill('40');
  await form.getByLabel('Backend').selectOption('wasm');
  await form.getByLabel('Model').selectOption('tiny');
  await form.getByLabel('Batch').fill('4');
  await form.getByRole('button', { name: 'Start training' }).click();

  await page.waitForURL(/\/runs\/run_/);
  const runId = page.url().split('/').at(-1)!;
  const chart = page.getByTestId('chart-training-loss');
  // The chart fills in while the run trains (the page polls every second), then the run finishes.
  const points = async () => Number(await chart.getAttribute('data-points'));
  await expect.poll(points, { timeout: 60_000, intervals: [200] }).toBeGreaterThan(0);
  const early = await points();
  await expect.poll(points, { timeout: 60_000, intervals: [200] }).toBeGreaterThan(early);
  expect(early).toBeLessThan(40);
  await expect(page.getByRole('heading', { name: /^Run run_/ }).getByText('succeeded', { exact: true })).toBeVisible({ timeout: 120_000 });
  expect(await points()).toBe(40);
  const summary = page.getByRole('definition');
  await expect(summary.and(page.getByLabel('Backend', { exact: true }))).toHaveText('wasm');
  await expect(summary.and(page.getByLabel('Dev CER', { exact: true }))).toHaveText(/\d+\.\d %/);
  await expect(summary.and(page.getByLabel('Utterances/s'))).toHaveText(/\d/);
  await expect(summary.and(page.getByLabel('Test CER / WER'))).toHaveText(/\d+\.\d % \/ \d+\.\d %/);
  await expect(chart.locator('path')).toHaveCount(1);

  const db = openDb();
  const run = db.prepare('SELECT * FROM TrainingRun WHERE id = ?').get(runId) as { status: string; step: number; exportId: string; testCer: number | null; metrics: string };
  db.close();
  expect(run).toMatchObject({ status: 'succeeded', step: 40, exportId });
  expect(JSON.parse(run.metrics)).toHaveLength(40);
  expect(run.testCer).not.toBeNull();

  // Model in the loop on the chapter page. Forty steps of the tiny model learn little: its dev CER is far above the
  // 50 % a check needs, so the page refuses it (e2e/weak-model.spec.ts) and this admin checks anyway.
  if (process.env.E2E_SHOTS) await page.screenshot({ path: path.join(process.env.E2E_SHOTS, 'run-trained.png'), fullPage: true });
  await page.goto(`/chapters/${chapterId}`);
  await page.getByLabel('Model (finished run)').selectOption(runId);
  const refusal = page.getByRole('alert', { name: 'Model too weak to check' });
  await expect(refusal).toContainText(new RegExp(`^Run ${runId} has a dev CER of \\d+\\.\\d %, above the 50\\.0 %`));
  await expect(page.getByRole('button', { name: 'Check chapter with model' })).toBeDisabled();
  await refusal.getByRole('checkbox', { name: /Check anyway \(admin\)/ }).check();
  await page.getByRole('button', { name: 'Check chapter with model' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Checked \d+ paragraphs.*Checked anyway by an admin/ })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('columnheader', { name: 'Model heard' })).toBeVisible();
  const db2 = openDb();
  const checked = db2.prepare('SELECT COUNT(*) AS n FROM Fragment WHERE chapterId = ? AND modelText IS NOT NULL').get(chapterId) as { n: number };
  db2.close();
  expect(checked.n).toBeGreaterThan(0);

  // "Try it": an uploaded clip is transcribed in the browser.
  const clip = testInfo.outputPath('clip.wav');
  const tone = Int16Array.from({ length: 16_000 }, (_, i) => Math.round(8000 * Math.sin((2 * Math.PI * 220 * i) / 16_000)));
  writeFileSync(clip, wavBytes(tone, 16_000));
  await page.getByRole('link', { name: 'Try it' }).click();
  await page.getByLabel('Model (finished run)').selectOption(runId);
  await page.getByLabel('Audio clip').setInputFiles(clip);
  await expect(page.getByTestId('transcript')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(/1\.00 s of audio in [\d.]+ s · in this browser on tfjs \w+ · checkpoint step 40/)).toBeVisible();
});
