import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AUDIO, EBOOK, ok, queryAll, seedApprovedBook, type Overview } from './helpers/seed-book.ts';

// Headings are headings: the ebook's "CAPÍTULO I" lines become fragments of kind heading, aligned and shown as
// such in the editor, left out of an export by default and included with "Include headings".

type Row = { id: string; text: string; kind: string; chapterId: string };

function manifestIds(dir: string): string[] {
  return ['train', 'dev', 'test'].flatMap((s) =>
    readFileSync(path.join(dir, 'manifests', `${s}.jsonl`), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => (JSON.parse(l) as { id: string }).id),
  );
}

const exportsOf = (projectId: string) =>
  queryAll<{ dir: string; status: string; settings: string }>('SELECT dir, status, settings FROM Export WHERE projectId = ? ORDER BY createdAt', projectId);

test('a heading is aligned, marked in the editor, left out of an export by default and included with the option', async ({ page, request }) => {
  test.setTimeout(300_000);
  const { projectId, bookId } = await seedApprovedBook(request, 'E2E Headings');
  const rows = queryAll<Row>(
    `SELECT f.id, f.text, f.kind, f.chapterId FROM Fragment f JOIN Chapter c ON c.id = f.chapterId
     WHERE c.bookId = ? AND f.status = 'approved' ORDER BY c.position, f.position`,
    bookId,
  );
  const headings = rows.filter((r) => r.kind === 'heading');
  // the fixture ebook's three chapter headings, each aligned (approved means it had times) like a paragraph
  expect(headings.map((h) => h.text)).toEqual(['CAPÍTULO I', 'CAPÍTULO II', 'CAPÍTULO III']);
  expect(rows.filter((r) => r.kind === 'paragraph').length).toBeGreaterThan(3);

  // the editor shows it as a heading
  await page.goto(`/chapters/${headings[0]!.chapterId}/review`);
  const list = page.getByRole('listbox', { name: 'Paragraphs' });
  await expect(list.getByRole('option').nth(0)).toContainText('CAPÍTULO I');
  await expect(list.getByRole('option').nth(0).getByText('heading', { exact: true })).toBeVisible();
  await expect(list.getByRole('option').nth(1).getByText('heading', { exact: true })).toHaveCount(0);

  // export with the defaults: the headings are left out, and the preview says so
  await page.goto(`/projects/${projectId}/export`);
  await expect(page.getByRole('heading', { name: 'Export corpus' })).toBeVisible();
  await page.getByLabel('Min duration (s)').fill('0.5');
  await page.getByLabel('Group by').selectOption('fragment');
  const includeHeadings = page.getByLabel('Include headings');
  await expect(includeHeadings).not.toBeChecked();
  await expect(page.getByText(/Left out: .*3 \(headings\)/)).toBeVisible();
  const total = page.getByRole('table', { name: 'Preview' }).getByRole('row').filter({ hasText: 'total' }).getByRole('cell').nth(1);
  await expect(total).not.toHaveText('');
  const withoutHeadings = Number(await total.textContent());
  await page.screenshot({ path: '/tmp/shots/headings-export-form.png', fullPage: true });
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await expect.poll(() => exportsOf(projectId).map((e) => e.status).join(), { timeout: 120_000 }).toBe('succeeded');
  const first = exportsOf(projectId)[0]!;
  const ids = manifestIds(first.dir);
  expect(ids.length).toBe(withoutHeadings);
  for (const h of headings) expect(ids).not.toContain(h.id);
  expect(JSON.parse(readFileSync(path.join(first.dir, 'dataset.json'), 'utf8')).excluded.heading).toBe(3);

  // with "Include headings": they are in the manifest
  await page.reload();
  await includeHeadings.check();
  await expect(total).toHaveText(String(withoutHeadings + 3));
  await page.screenshot({ path: '/tmp/shots/headings-export-form-included.png', fullPage: true });
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await expect.poll(() => exportsOf(projectId).map((e) => e.status).join(), { timeout: 120_000 }).toBe('succeeded,succeeded');
  const second = exportsOf(projectId)[1]!;
  // the list says which export has them
  await expect(page.getByRole('listitem', { name: /^Export exp_/ }).filter({ hasText: 'approved + headings' })).toHaveCount(1);
  expect(JSON.parse(second.settings).includeHeadings).toBe(true);
  const withIds = manifestIds(second.dir);
  for (const h of headings) expect(withIds).toContain(h.id);
  expect(withIds.length).toBe(withoutHeadings + 3);
});

test('the split editor moves the start of part 1 and the end of the last part', async ({ page, request }) => {
  const { project } = await ok<{ project: { id: string } }>(request.post('/api/projects', { data: { name: 'E2E Split ends' } }));
  const { book } = await ok<{ book: { id: string } }>(request.post(`/api/projects/${project.id}/books`, { data: { title: 'El faro de la isla' } }));
  for (const file of AUDIO) {
    await ok(request.post(`/api/books/${book.id}/audio?name=${encodeURIComponent(path.basename(file))}`, { data: readFileSync(file), headers: { 'content-type': 'application/octet-stream' } }));
  }
  await ok(request.post(`/api/books/${book.id}/ebook?name=${encodeURIComponent(path.basename(EBOOK))}`, { data: readFileSync(EBOOK), headers: { 'content-type': 'application/octet-stream' } }));
  await expect.poll(async () => (await ok<Overview>(request.get(`/api/books/${book.id}`))).book.splitStatus, { timeout: 90_000 }).toBe('proposed');

  await page.goto(`/books/${book.id}`);
  const split = page.getByRole('region', { name: 'Proposed split' });
  await split.getByLabel('First paragraph of part 1').selectOption({ index: 1 }); // skip "CAPÍTULO I"
  await expect(split.getByText('Left out before part 1: paragraph 1.')).toBeVisible();
  const last = split.getByLabel('Last paragraph of part 3');
  const options = await last.locator('option').count();
  await last.selectOption({ index: options - 2 }); // drop the book's last paragraph
  await expect(split.getByText('Left out after the last part: paragraph 12.')).toBeVisible();
  await page.screenshot({ path: '/tmp/shots/headings-split-editor.png', fullPage: true });
  await split.getByRole('button', { name: 'Accept split' }).click();
  await expect(page.getByRole('region', { name: 'Proposed split' })).toHaveCount(0);

  const rows = queryAll<{ chapter: number; text: string; kind: string }>(
    `SELECT c.position AS chapter, f.text, f.kind FROM Fragment f JOIN Chapter c ON c.id = f.chapterId
     WHERE c.bookId = ? ORDER BY c.position, f.position`,
    book.id,
  );
  const texts = rows.map((r) => r.text);
  expect(texts).not.toContain('CAPÍTULO I');
  expect(texts).toContain('CAPÍTULO II');
  expect(texts.at(-1)).toMatch(/^Lucía aprendió/); // "Y así, cada noche…" left out
  expect(rows.filter((r) => r.chapter === 0).every((r) => r.kind === 'paragraph')).toBe(true);
  expect(rows.filter((r) => r.kind === 'heading').map((r) => r.text)).toEqual(['CAPÍTULO II', 'CAPÍTULO III']);
});
