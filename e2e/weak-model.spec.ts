import { expect, test, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ok, openDb, seedAlignedBook } from './helpers/seed-book.ts';

// Screenshots for a person to look at (E2E_SHOTS=/tmp/shots); they assert nothing.
const shot = async (page: Page, name: string) => {
  if (process.env.E2E_SHOTS) await page.screenshot({ path: path.join(process.env.E2E_SHOTS, `${name}.png`), fullPage: true });
};

type SeededRun = { id: string; devCer: number; metrics: { loss: number }[] };

/**
 * Finished runs written straight into the database, with an (empty) final checkpoint folder: training a run for a
 * given dev CER would take the worker minutes, and what is tested here is what the studio does with a run's
 * numbers. Their export row belongs to `projectId`.
 */
function seedRuns(projectId: string, runs: SeededRun[]) {
  const db = new Database(path.join(process.env.E2E_DATA_DIR!, 'alinea.db'));
  db.pragma('busy_timeout = 10000');
  const now = new Date().toISOString();
  const exportId = `exp_weak_${Date.now().toString(36)}`;
  const settings = { projectId, filters: { statuses: ['approved', 'edited'], minDuration: 1, maxDuration: 20 }, ratios: { train: 60, dev: 20, test: 20 }, group: 'chapter', unit: 'paragraph', formats: ['tfrecord'] };
  db.prepare('INSERT INTO Export (id, projectId, status, settings, stats, dir, createdAt, finishedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
    exportId, projectId, 'succeeded', JSON.stringify(settings), JSON.stringify({ hours: 1.25, examples: 812 }), path.join(process.env.E2E_DATA_DIR!, 'exports', exportId), now, now,
  );
  for (const r of runs) {
    const checkpointDir = path.join(process.env.E2E_DATA_DIR!, 'runs', r.id, 'checkpoints');
    mkdirSync(path.join(checkpointDir, 'step-00000040'), { recursive: true });
    db.prepare(
      'INSERT INTO TrainingRun (id, exportId, status, settings, backend, device, step, steps, lastLoss, devCer, testCer, testWer, utterancesPerSec, checkpointDir, metrics, createdAt, finishedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(r.id, exportId, 'succeeded', JSON.stringify({ steps: 40, backend: 'wasm', batchSize: 4, lr: 0.001, model: 'tiny', seed: 1, augment: true }), 'wasm', 'cpu (wasm)', 40, 40, r.metrics.at(-1)!.loss, r.devCer, r.devCer, Math.min(1, r.devCer * 1.6), 12.5, checkpointDir, JSON.stringify(r.metrics), now, now);
  }
  db.close();
  return exportId;
}

test('a model too weak to judge alignments is refused, with the reason shown; the runs say what they trained on', async ({ page, request }) => {
  const project = `E2E Weak model ${Date.now()}`;
  const { projectId, chapters } = await seedAlignedBook(request, project);
  const chapterId = chapters[0]!.id;
  const suffix = Date.now().toString(36);
  // The run: dev CER 79 %, trained before the loss was normalised (per utterance, zigzagging 200 ↔ 900).
  const weak: SeededRun = {
    id: `run_weak_${suffix}`,
    devCer: 0.79,
    metrics: Array.from({ length: 40 }, (_, i) => ({ step: i + 1, loss: i % 2 ? 852 - i : 213 + i, utterancesPerSec: 12, t: i * 0.5, ...(i % 10 === 9 ? { devCer: 0.79 } : {}) })),
  };
  // A good run: dev CER 18 %, its loss per target character falling from 3.6.
  const good: SeededRun = {
    id: `run_good_${suffix}`,
    devCer: 0.18,
    metrics: Array.from({ length: 40 }, (_, i) => ({ step: i + 1, loss: 0.85 + 2.8 * Math.exp(-i / 9) + 0.08 * Math.sin(i * 1.7), lossUnit: 'char', utterancesPerSec: 12, t: i * 0.5, ...(i % 10 === 9 ? { devCer: 0.9 - (0.72 * (i + 1)) / 40 } : {}) })),
  };
  seedRuns(projectId, [weak, good]);

  await test.step('the chapter page refuses the weak run and says why', async () => {
    await page.goto(`/chapters/${chapterId}`);
    const picker = page.getByLabel('Model (finished run)');
    await expect(picker.locator('option', { hasText: weak.id })).toHaveText(`${weak.id} · tiny · step 40 · dev CER 79 % · too weak to check`);
    await picker.selectOption(weak.id);
    const reason = page.getByRole('alert', { name: 'Model too weak to check' });
    await expect(reason).toContainText(`Run ${weak.id} has a dev CER of 79.0 %, above the 50.0 % a check needs`);
    await expect(reason).toContainText('it would flag right and wrong alignments alike');
    const check = page.getByRole('button', { name: 'Check chapter with model' });
    await expect(check).toBeDisabled();
    // an admin may override it, knowingly
    await expect(reason.getByRole('checkbox', { name: /Check anyway \(admin\)/ })).not.toBeChecked();
    await shot(page, 'check-refused');

    // a good run may check, above its own dev CER only
    await picker.selectOption(good.id);
    await expect(reason).toBeHidden();
    await expect(check).toBeEnabled();
    await page.getByLabel('Flag above CER').fill('0.15');
    await expect(reason).toContainText(`A flag threshold of 15.0 % is not above run ${good.id}'s dev CER of 18.0 %`);
    await expect(check).toBeDisabled();
  });

  await test.step('the API refuses it too, naming the run, its dev CER and the limit, and queues nothing', async () => {
    const res = await request.post(`/api/chapters/${chapterId}/check`, { data: { runId: weak.id } });
    expect(res.status()).toBe(409);
    const { error } = (await res.json()) as { error: { code: string; message: string; details: Record<string, unknown> } };
    expect(error).toMatchObject({ code: 'CONFLICT', details: { reason: 'too-weak', runId: weak.id, devCer: 0.79, maxDevCer: 0.5 } });
    expect(error.message).toContain(`Run ${weak.id} has a dev CER of 79.0 %, above the 50.0 % a check needs`);
    expect((await ok<{ check: unknown }>(request.get(`/api/chapters/${chapterId}/check`))).check).toBeNull();
    const db = openDb();
    const jobs = db.prepare("SELECT COUNT(*) AS n FROM Job WHERE type = 'check-chapter' AND payload LIKE ?").get(`%${chapterId}%`) as { n: number };
    const heard = db.prepare('SELECT COUNT(*) AS n FROM Fragment WHERE chapterId = ? AND (modelText IS NOT NULL OR flag = ?)').get(chapterId, 'model-mismatch') as { n: number };
    db.close();
    expect(jobs.n).toBe(0);
    expect(heard.n).toBe(0);
  });

  await test.step('the check table keeps its columns readable with long transcripts', async () => {
    // What the run wrote when it was allowed to check: a run-on transcript per paragraph, all flagged.
    const other = chapters[1]!.id;
    const db = new Database(path.join(process.env.E2E_DATA_DIR!, 'alinea.db'));
    db.pragma('busy_timeout = 10000');
    db.prepare("UPDATE Fragment SET modelText = ?, modelCer = 0.93, flag = 'model-mismatch' WHERE chapterId = ? AND \"begin\" IS NOT NULL").run('aaasa s sasas '.repeat(30).trim(), other);
    db.close();
    await page.goto(`/chapters/${other}`);
    const table = page.getByRole('table', { name: 'Paragraphs' });
    const header = (name: string) => table.getByRole('columnheader', { name, exact: true });
    const tableBox = (await table.boundingBox())!;
    for (const name of ['Original text', 'Normalised transcript', 'Model heard']) {
      expect((await header(name).boundingBox())!.width).toBeGreaterThan(tableBox.width * 0.2);
    }
    // clamped to four lines, shown whole on demand
    const rows = page.getByTestId('fragment-row');
    const firstModel = rows.first().getByTestId('fragment-model');
    for (const row of await rows.all()) expect((await row.boundingBox())!.height).toBeLessThan(160);
    const more = firstModel.getByRole('button', { name: /^Show all of what the model heard/ });
    await expect(more).toHaveAttribute('aria-expanded', 'false');
    const collapsed = (await firstModel.boundingBox())!.height;
    await more.click();
    await expect(firstModel.getByRole('button', { name: /^Show less of/ })).toHaveAttribute('aria-expanded', 'true');
    expect((await firstModel.boundingBox())!.height).toBeGreaterThan(collapsed * 1.5);
    await expect(firstModel).toContainText('model-mismatch');
    await shot(page, 'check-table');
  });

  await test.step('the runs list names the project and the export, and marks a loss not normalised', async () => {
    await page.goto('/runs');
    const row = page.getByRole('row').filter({ hasText: weak.id });
    await expect(row.getByRole('link', { name: project })).toBeVisible();
    await expect(row).toContainText('approved+edited · 60/20/20 by chapter · 1.25 h · 812 examples');
    await expect(row.getByTitle('CTC loss per utterance (older run, not normalised)')).toHaveText('813.000per utterance');
    await expect(page.getByRole('row').filter({ hasText: good.id })).toContainText(project);
    await shot(page, 'runs-list');
  });

  await test.step('a run page: loss per character, y-axis labels in order from bottom to top', async () => {
    await page.goto(`/runs/${good.id}`);
    await expect(page.getByText(project, { exact: true })).toBeVisible();
    const chart = page.getByTestId('chart-training-loss');
    await expect(page.getByRole('figure').filter({ has: chart })).toContainText('(CTC, nats per character)');
    await expect(page.getByLabel('Loss', { exact: true })).toHaveText(`${good.metrics.at(-1)!.loss.toFixed(3)} per character`);
    const ticks = await chart.getByTestId('y-tick').locator('text').evaluateAll((els) => els.map((e) => ({ label: e.textContent!, y: Number(e.getAttribute('y')) })));
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    const byHeight = [...ticks].sort((a, b) => b.y - a.y).map((t) => Number(t.label)); // bottom first
    expect(byHeight).toEqual([...byHeight].sort((a, b) => a - b));
    await shot(page, 'run-good');

    // the weak, older run: its curve and loss say they are per utterance
    await page.goto(`/runs/${weak.id}`);
    await expect(page.getByRole('figure').filter({ has: page.getByTestId('chart-training-loss') })).toContainText('per utterance (older run, not normalised)');
    const weakTicks = await page.getByTestId('chart-training-loss').getByTestId('y-tick').locator('text').evaluateAll((els) => els.map((e) => ({ label: e.textContent!, y: Number(e.getAttribute('y')) })));
    const weakByHeight = [...weakTicks].sort((a, b) => b.y - a.y).map((t) => Number(t.label));
    expect(weakByHeight).toEqual([...weakByHeight].sort((a, b) => a - b));
    expect(weakByHeight.at(-1)).toBeGreaterThanOrEqual(852); // the highest label frames the highest loss
    await shot(page, 'run-weak');
  });
});
