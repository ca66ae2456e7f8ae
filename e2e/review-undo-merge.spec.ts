import { expect, test } from '@playwright/test';
import { dragHandle, openEditor, selectRow } from './helpers/chapter-editor.ts';
import { ok, queryAll, seedAlignedBook } from './helpers/seed-book.ts';

// Nothing a reviewer does is irreversible: a merge taken back with Undo (Ctrl+Z) or with Revert in the history
// gives both paragraphs back (ids, text, times, status, sentences); a split taken back gives the one paragraph
// back; undoing a boundary move gives the paragraph its old status back. Each checked in the database.

type Row = { id: string; position: number; begin: number; end: number; text: string; normText: string; status: string; sentences: string | null; version: number };

const rows = (chapterId: string) =>
  queryAll<Row>('SELECT id, position, "begin", "end", text, normText, status, sentences, version FROM Fragment WHERE chapterId = ? ORDER BY position', chapterId);
/** What must come back exactly (the version moves on: an undo is a new revision). */
const state = ({ version: _v, ...r }: Row) => r;

test.describe.configure({ mode: 'serial' });

let chapterId = '';

test.beforeAll(async ({ request }) => {
  test.setTimeout(240_000);
  const { chapters } = await seedAlignedBook(request, `E2E Undo ${Date.now()}`);
  // the chapter with the most timed paragraphs
  chapterId = chapters.map((c) => c.id).sort((a, b) => rows(b).filter((r) => r.begin !== null).length - rows(a).filter((r) => r.begin !== null).length)[0]!;
  // paragraph 3 approved: a merge makes it part of an 'edited' paragraph, an undo must give 'approved' back
  const third = rows(chapterId)[2]!;
  await ok(request.patch(`/api/fragments/${third.id}`, { data: { expectedVersion: third.version, changes: { status: 'approved' } } }));
});

test('merge, then Undo: both paragraphs come back with their text, times, status and sentences', async ({ page }) => {
  const before = rows(chapterId);
  const [a, b] = [before[1]!, before[2]!];
  expect(b.status).toBe('approved');
  const errors: Error[] = [];
  page.on('pageerror', (e) => errors.push(e));
  await openEditor(page, chapterId);
  await selectRow(page, 1);

  await page.getByRole('button', { name: 'Merge with next' }).click();
  await expect.poll(() => rows(chapterId).length, { timeout: 10_000 }).toBe(before.length - 1);
  const merged = rows(chapterId)[1]!;
  expect(merged).toMatchObject({ id: a.id, begin: a.begin, end: b.end, status: 'edited' });
  expect(merged.text).toBe(`${a.text} ${b.text}`);
  await expect(page.getByLabel('Paragraph text')).toHaveValue(merged.text);
  const undoButton = page.getByRole('button', { name: 'Undo merge' });
  await expect(undoButton).toBeEnabled();
  await page.screenshot({ path: '/tmp/shots/undo-merge-1-merged.png', fullPage: true });

  await page.keyboard.press('Control+z');
  await expect.poll(() => rows(chapterId).length, { timeout: 10_000 }).toBe(before.length);
  expect(rows(chapterId).map(state)).toEqual(before.map(state));
  // the editor shows both again, the second as it was
  await expect(page.getByLabel('Paragraph text')).toHaveValue(a.text);
  await selectRow(page, 2);
  await expect(page.getByLabel('Paragraph text')).toHaveValue(b.text);
  await expect(page.getByTestId('current-status')).toHaveText('approved');
  await expect(page.getByTestId('current-times')).toHaveText(`${b.begin.toFixed(3)}–${b.end.toFixed(3)} s`);
  await page.screenshot({ path: '/tmp/shots/undo-merge-2-undone.png', fullPage: true });

  // and Redo merges them again
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(() => rows(chapterId).length, { timeout: 10_000 }).toBe(before.length - 1);
  expect(rows(chapterId)[1]!.text).toBe(merged.text);
  await page.keyboard.press('Control+z');
  await expect.poll(() => rows(chapterId).length, { timeout: 10_000 }).toBe(before.length);
  expect(rows(chapterId).map(state)).toEqual(before.map(state));
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  expect(errors).toEqual([]);
});

test('merge, then Revert in the history: both paragraphs come back', async ({ page }) => {
  const before = rows(chapterId);
  const [a, b] = [before[1]!, before[2]!];
  await openEditor(page, chapterId);
  await selectRow(page, 1);
  await page.keyboard.press('m');
  await expect.poll(() => rows(chapterId).length, { timeout: 10_000 }).toBe(before.length - 1);
  const merged = rows(chapterId)[1]!;

  const history = page.getByRole('region', { name: 'Revision history' });
  const entry = history.getByRole('listitem').filter({ hasText: `v${merged.version} · merge` });
  await expect(entry).toContainText(`merged paragraph 3`);
  const revert = entry.getByRole('button', { name: `Revert to before v${merged.version}` });
  await expect(revert).toBeVisible();
  await page.screenshot({ path: '/tmp/shots/undo-merge-3-history.png', fullPage: true });
  await revert.click();
  await expect.poll(() => rows(chapterId).length, { timeout: 10_000 }).toBe(before.length);
  expect(rows(chapterId).map(state)).toEqual(before.map(state));
  await expect(history.getByRole('listitem').first()).toContainText(`revert to v${merged.version} before`);
  await selectRow(page, 2);
  await expect(page.getByLabel('Paragraph text')).toHaveValue(b.text);
  await expect(page.getByTestId('current-status')).toHaveText('approved');
  // the revert is one undo step like any other: Ctrl+Z merges them again
  await page.keyboard.press('Control+z');
  await expect.poll(() => rows(chapterId).length, { timeout: 10_000 }).toBe(before.length - 1);
  expect(rows(chapterId)[1]).toMatchObject({ id: a.id, text: merged.text, begin: a.begin, end: b.end });
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(() => rows(chapterId).length, { timeout: 10_000 }).toBe(before.length);
  expect(rows(chapterId).map(state)).toEqual(before.map(state));
});

test('split, then Undo: the paragraph comes back whole', async ({ page }) => {
  const before = rows(chapterId);
  const target = before[3]!;
  const caret = target.text.indexOf(' ', Math.floor(target.text.length / 2));
  expect(caret).toBeGreaterThan(0);
  await openEditor(page, chapterId);
  await selectRow(page, 3);
  // the play head inside the paragraph: a click in the middle of its region
  const region = page.getByTestId(`region-${target.id}`);
  const box = (await region.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height - 8);
  await expect(page.getByRole('heading', { name: 'Paragraph 4', exact: true })).toBeVisible();
  // the text cursor where it splits: E, move, Escape
  await page.keyboard.press('e');
  const text = page.getByLabel('Paragraph text');
  await expect(text).toBeFocused();
  await text.press('Control+Home');
  for (let k = 0; k < caret; k++) await text.press('ArrowRight');
  await text.press('Escape');
  await page.keyboard.press('s');
  await expect.poll(() => rows(chapterId).length, { timeout: 10_000 }).toBe(before.length + 1);
  const [first, second] = rows(chapterId).slice(3, 5) as [Row, Row];
  expect(first).toMatchObject({ id: target.id, begin: target.begin, text: target.text.slice(0, caret).trim() });
  expect(second).toMatchObject({ end: target.end, text: target.text.slice(caret).trim(), begin: first.end });
  await expect(page.getByRole('button', { name: 'Undo split' })).toBeEnabled();
  await page.screenshot({ path: '/tmp/shots/undo-split-1-split.png', fullPage: true });

  await page.keyboard.press('Control+z');
  await expect.poll(() => rows(chapterId).length, { timeout: 10_000 }).toBe(before.length);
  expect(rows(chapterId).map(state)).toEqual(before.map(state));
  await expect(page.getByLabel('Paragraph text')).toHaveValue(target.text);
});

test('a boundary move, then Undo: the times and the status come back', async ({ page }) => {
  const before = rows(chapterId);
  const i = before.findIndex((f, k) => f.status === 'auto' && before[k + 1] && Math.abs(before[k + 1]!.begin - f.end) < 0.001 && before[k + 1]!.end - f.end > 0.5);
  expect(i, 'an auto paragraph sharing its end with the next one').toBeGreaterThanOrEqual(0);
  const [left, right] = [before[i]!, before[i + 1]!];
  await openEditor(page, chapterId);
  const handle = page.getByTestId(`region-end-${left.id}`);
  await handle.scrollIntoViewIfNeeded();
  await dragHandle(page, handle, [10, 20]);
  await expect.poll(() => rows(chapterId)[i]!.end, { timeout: 10_000 }).toBeGreaterThan(left.end + 0.05);
  expect(rows(chapterId)[i]!.status).toBe('edited');
  await expect(page.getByTestId('current-status')).toHaveText('edited');

  await page.keyboard.press('Control+z');
  await expect.poll(() => rows(chapterId)[i]!.end, { timeout: 10_000 }).toBe(left.end);
  const now = rows(chapterId);
  expect(state(now[i]!)).toEqual(state(left));
  expect(state(now[i + 1]!)).toEqual(state(right));
  await expect(page.getByTestId('current-status')).toHaveText('auto');
});
