// The small things of issue #11 (item 8): 404s that say what was not found, a favicon, the export form's memory,
// exported clips that play, ingest jobs that name their file, /try on an empty clip, the signed-out navigation.
import { expect, test } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { wavBytes } from '../lib/audio/wav-bytes.ts';
import { ok, queryOne, seedAlignedBook } from './helpers/seed-book.ts';

test('a 404 says which chapter, book, run or project was not found and links back', async ({ page }) => {
  const cases = [
    { url: '/chapters/chap_gone', heading: 'Chapter not found', id: 'chap_gone', back: 'Back to the projects', href: '/' },
    { url: '/chapters/chap_gone/review', heading: 'Chapter not found', id: 'chap_gone', back: 'Back to the projects', href: '/' },
    { url: '/books/book_gone', heading: 'Book not found', id: 'book_gone', back: 'Back to the projects', href: '/' },
    { url: '/runs/run_gone', heading: 'Training run not found', id: 'run_gone', back: 'Back to the training runs', href: '/runs' },
    { url: '/projects/proj_gone', heading: 'Project not found', id: 'proj_gone', back: 'Back to the projects', href: '/' },
    { url: '/no/such/page', heading: 'Page not found', id: '/no/such/page', back: 'Back to the projects', href: '/' },
  ];
  for (const c of cases) {
    const res = await page.goto(c.url);
    expect(res?.status(), c.url).toBe(404);
    await expect(page.getByRole('heading', { level: 1 }), c.url).toHaveText(c.heading);
    await expect(page.getByRole('main')).toContainText(c.id);
    await expect(page.getByText('This page could not be found')).toHaveCount(0);
    await expect(page.getByRole('link', { name: c.back })).toHaveAttribute('href', c.href);
  }
  await page.goto('/runs/run_gone');
  await page.getByRole('link', { name: 'Back to the training runs' }).click();
  await expect(page).toHaveURL(/\/runs$/);
});

test('the studio has a favicon', async ({ page, request }) => {
  await page.goto('/');
  const href = await page.locator('link[rel="icon"]').first().getAttribute('href');
  expect(href).toMatch(/^\/icon\.svg/);
  const res = await request.get(href!);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toContain('image/svg+xml');
  expect(await res.text()).toContain('<svg');
});

test('the export form starts from the project’s last export, and its clips play on the export page', async ({ page, request }) => {
  const { projectId } = await seedAlignedBook(request, 'E2E Small things export');
  await page.goto(`/projects/${projectId}/export`);
  const form = page.getByRole('region', { name: 'New export' });
  await form.getByLabel('auto', { exact: true }).check();
  await form.getByLabel('Min duration (s)').fill('0.5');
  await form.getByLabel('Train %').fill('70');
  await form.getByLabel('Dev %').fill('15');
  await form.getByLabel('Test %').fill('15');
  await form.getByLabel('Group by').selectOption('fragment');
  await form.getByLabel('Seed').fill('5');
  await form.getByLabel('GZIP shards').check();
  await expect(form.getByRole('table', { name: 'Preview' })).toContainText('target 70 %');
  await form.getByRole('button', { name: 'Export' }).click();
  const item = page.getByRole('region', { name: 'Exports' }).getByRole('listitem').first();
  await expect(item).toContainText('succeeded', { timeout: 120_000 });

  // the settings are stored with the export: a reload (or another browser) starts from them
  await page.reload();
  await expect(form.getByLabel('auto', { exact: true })).toBeChecked();
  await expect(form.getByLabel('approved', { exact: true })).toBeChecked();
  await expect(form.getByLabel('Min duration (s)')).toHaveValue('0.5');
  await expect(form.getByLabel('Train %')).toHaveValue('70');
  await expect(form.getByLabel('Dev %')).toHaveValue('15');
  await expect(form.getByLabel('Group by')).toHaveValue('fragment');
  await expect(form.getByLabel('Seed')).toHaveValue('5');
  await expect(form.getByLabel('GZIP shards')).toBeChecked();
  await expect(form.getByLabel('tensor2tensor shards')).not.toBeChecked();

  // an exported FLAC clip plays in place
  await item.getByText(/^Files \(\d+\)$/).click();
  const play = item.getByRole('button', { name: /^Play .*\.flac$/ }).first();
  const clipPath = (await play.getAttribute('aria-label'))!.replace(/^Play /, '');
  await play.click();
  const audio = item.getByLabel('Exported clip');
  await expect(audio).toHaveAttribute('src', new RegExp(`/files/${clipPath.split('/').map(encodeURIComponent).join('/').replace(/\./g, '\\.')}$`));
  await expect.poll(() => audio.evaluate((a: HTMLAudioElement) => (a.error ? `error ${a.error.code}` : a.readyState >= 1 ? a.duration : 0)), { timeout: 20_000 }).toBeGreaterThan(0.3);
  const res = await request.get((await audio.getAttribute('src'))!);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toBe('audio/flac');
});

test('a failed ingest job names its file', async ({ page, request }) => {
  const { project } = await ok<{ project: { id: string } }>(request.post('/api/projects', { data: { name: 'E2E Small things jobs' } }));
  const { book } = await ok<{ book: { id: string } }>(request.post(`/api/projects/${project.id}/books`, { data: { title: 'Job labels' } }));
  await ok(request.post(`/api/books/${book.id}/audio?name=roto_07.mp3`, { data: Buffer.from('not audio at all '.repeat(100)), headers: { 'content-type': 'application/octet-stream' } }));
  await page.goto(`/books/${book.id}`);
  const jobs = page.getByRole('region', { name: 'Jobs' });
  await expect(jobs.getByRole('listitem').filter({ hasText: 'failed' })).toContainText(/^Audio ingest of roto_07\.mp3 failed: /, { timeout: 60_000 });
  expect(queryOne<{ status: string }>("SELECT status FROM Job WHERE bookId = ? AND type = 'ingest-audio'", book.id)!.status).toBe('failed');
});

test('/try explains an empty, a silent-length and an undecodable clip', async ({ page }, testInfo) => {
  // a finished run to pick (its checkpoint is never loaded: the clip is checked first)
  await page.route('**/api/runs', (route) =>
    route.fulfill({ json: { runs: [{ id: 'run_fake', status: 'succeeded', hasCheckpoint: true, settings: { model: 'tiny' }, step: 40, testCer: null }] } }),
  );
  let checkpointRequests = 0;
  await page.route('**/api/runs/run_fake/checkpoint/**', (route) => {
    checkpointRequests++;
    return route.abort();
  });
  await page.goto('/try');
  const empty = testInfo.outputPath('vacio.wav');
  writeFileSync(empty, '');
  await page.getByLabel('Audio clip').setInputFiles(empty);
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('vacio.wav is empty (0 bytes): there is nothing to transcribe. Choose another clip (WAV, MP3, OGG, FLAC or M4A).');

  const noSamples = testInfo.outputPath('sin-muestras.wav');
  writeFileSync(noSamples, wavBytes(new Int16Array(0)));
  await page.getByLabel('Audio clip').setInputFiles(noSamples);
  await expect(page.getByRole('main').getByRole('alert')).toHaveText(/^(sin-muestras\.wav holds no audio \(0\.00 s\)|sin-muestras\.wav could not be decoded as audio)/);

  const text = testInfo.outputPath('nota.mp3');
  writeFileSync(text, 'this is text, not audio '.repeat(40));
  await page.getByLabel('Audio clip').setInputFiles(text);
  await expect(page.getByRole('main').getByRole('alert')).toHaveText(/^nota\.mp3 could not be decoded as audio: .* Choose another clip/);
  expect(checkpointRequests).toBe(0);
});

test.describe('signed out', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('the navigation shows nothing but Sign in', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/sign-in/);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link')).toHaveText(['Sign in']);
    await expect(nav).not.toContainText('Projects');
    await expect(nav).not.toContainText('Training runs');
    await expect(nav).not.toContainText('Try it');
    await expect(nav.getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/sign-in');
  });
});
