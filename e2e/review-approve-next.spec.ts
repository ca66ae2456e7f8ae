import { expect, test, type Page } from '@playwright/test';
import { expectEditorReady, openEditor } from './helpers/chapter-editor.ts';
import { ok, queryAll, seedAlignedBook } from './helpers/seed-book.ts';

// Approve and go on: A approves the paragraph and selects the next one that needs review, in the review queue's
// order (flagged first, then lowest confidence, then reading order), scrolled into view, the keyboard still
// working; the "Approve and next" button does the same. With the setting off (kept across reloads) A stays.

type Row = { id: string; position: number; status: string; confidence: number | null; flag: string | null; version: number };

const rows = (chapterId: string) => queryAll<Row>('SELECT id, position, status, confidence, flag, version FROM Fragment WHERE chapterId = ? ORDER BY position', chapterId);

/** The review queue's order, written out here on its own (the editor uses lib/review/next-to-review.ts). */
function queueOrder(chapterId: string): Row[] {
  return rows(chapterId)
    .filter((r) => r.status === 'auto' || r.status === 'edited')
    .sort(
      (a, b) =>
        Number(b.flag !== null) - Number(a.flag !== null) ||
        (a.confidence ?? Infinity) - (b.confidence ?? Infinity) ||
        a.position - b.position,
    );
}
const statusOf = (chapterId: string, id: string) => rows(chapterId).find((r) => r.id === id)!.status;

async function expectSelected(page: Page, position: number) {
  await expect(page.getByRole('heading', { name: `Paragraph ${position + 1}`, exact: true })).toBeVisible();
  const row = page.getByRole('listbox', { name: 'Paragraphs' }).getByRole('option', { selected: true });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(String(position + 1));
  await expect(row).toBeInViewport();
}

test.describe.configure({ mode: 'serial' });

let chapterId = '';
let otherChapterId = '';

test.beforeAll(async ({ request }) => {
  test.setTimeout(240_000);
  const { chapters } = await seedAlignedBook(request, `E2E Approve next ${Date.now()}`);
  [chapterId, otherChapterId] = chapters.map((c) => c.id).sort((a, b) => rows(b).length - rows(a).length) as [string, string];
  // the last paragraph marked for attention: first in the queue, so the queue order is not the reading order
  const last = rows(chapterId).at(-1)!;
  const { fragment } = await ok<{ fragment: { flag: string | null } }>(
    request.patch(`/api/fragments/${last.id}`, { data: { expectedVersion: last.version, changes: { flag: 'attention' } } }),
  );
  expect(fragment.flag).toBe('attention');
});

test('A approves and selects the next paragraph to review; so does the button; the keyboard keeps working', async ({ page }) => {
  const order = queueOrder(chapterId);
  expect(order.length).toBeGreaterThanOrEqual(4);
  expect(order[0]!.position).toBe(rows(chapterId).length - 1);
  const errors: Error[] = [];
  page.on('pageerror', (e) => errors.push(e));
  await openEditor(page, chapterId, { fragment: order[0]!.id });
  await expectSelected(page, order[0]!.position);
  await expect(page.getByRole('checkbox', { name: /approves and goes on/ })).toBeChecked();

  await page.keyboard.press('a');
  await expect.poll(() => statusOf(chapterId, order[0]!.id), { timeout: 10_000 }).toBe('approved');
  await expectSelected(page, order[1]!.position);
  await page.screenshot({ path: '/tmp/shots/approve-next-1-after-a.png', fullPage: true });

  // the button: the same
  await page.getByRole('button', { name: 'Approve and next' }).click();
  await expect.poll(() => statusOf(chapterId, order[1]!.id), { timeout: 10_000 }).toBe('approved');
  await expectSelected(page, order[2]!.position);
  // and the keyboard works right after it (the focus is not left on a button)
  await expect(page.getByRole('button', { name: 'Approve and next' })).not.toBeFocused();
  for (let k = 2; k < order.length - 1; k++) {
    await page.keyboard.press('a');
    await expect.poll(() => statusOf(chapterId, order[k]!.id), { timeout: 10_000 }).toBe('approved');
    await expectSelected(page, order[k + 1]!.position);
  }
  // the last one: approved, nothing left here, the way to the next chapter shown
  await page.keyboard.press('a');
  await expect.poll(() => statusOf(chapterId, order.at(-1)!.id), { timeout: 10_000 }).toBe('approved');
  await expect(page.getByText('Every paragraph of this chapter is reviewed.')).toBeVisible();
  await expect(page.getByRole('link', { name: /^Next: / })).toBeVisible();
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  expect(errors).toEqual([]);
});

test('with the setting off, A approves and stays (the setting is kept across reloads and shown in the help)', async ({ page }) => {
  const order = queueOrder(otherChapterId);
  expect(order.length).toBeGreaterThanOrEqual(2);
  const target = order[0]!;
  await openEditor(page, otherChapterId, { fragment: target.id });
  await page.getByRole('checkbox', { name: /approves and goes on/ }).uncheck();
  await page.reload();
  await expectEditorReady(page);
  await expect(page.getByRole('checkbox', { name: /approves and goes on/ })).not.toBeChecked();
  await expectSelected(page, target.position);

  await page.keyboard.press('a');
  await expect.poll(() => statusOf(otherChapterId, target.id), { timeout: 10_000 }).toBe('approved');
  await expect(page.getByTestId('current-status')).toHaveText('approved');
  await expectSelected(page, target.position);
  expect(statusOf(otherChapterId, order[1]!.id)).not.toBe('approved');

  // the shortcuts help shows the setting (and changes it)
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  const setting = help.getByRole('checkbox', { name: /A approves and goes on/ });
  await expect(setting).not.toBeChecked();
  await page.screenshot({ path: '/tmp/shots/approve-next-2-help.png' });
  await setting.check();
  await help.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('checkbox', { name: /approves and goes on/ })).toBeChecked();
  // on again: A goes on
  await page.keyboard.press('a');
  await expectSelected(page, order[1]!.position);
});
