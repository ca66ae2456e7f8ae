import { expect, test, type APIRequestContext } from '@playwright/test';
import { dragHandle, openEditor, selectRow } from './helpers/chapter-editor.ts';
import { queryAll, queryOne, seedAlignedBook } from './helpers/seed-book.ts';

// The chapter review editor: drag a boundary, nudge, approve, mark for attention, edit text, undo, and a
// conflict between two reviewers, each checked in the database.

type Frag = { id: string; position: number; begin: number; end: number; text: string; normText: string; status: string; version: number };

const COLUMNS = 'id, position, "begin", "end", text, normText, status, version';
const fragments = (chapterId: string) => queryAll<Frag>(`SELECT ${COLUMNS} FROM Fragment WHERE chapterId = ? ORDER BY position`, chapterId);
const fragment = (id: string) => queryOne<Frag>(`SELECT ${COLUMNS} FROM Fragment WHERE id = ?`, id)!;
const flagOf = (id: string) => queryOne<{ flag: string | null }>('SELECT flag FROM Fragment WHERE id = ?', id)!.flag;

/** Uploads the fixture book through the API; returns its first chapter once every chapter is aligned. */
async function seedChapter(request: APIRequestContext): Promise<string> {
  const { chapters } = await seedAlignedBook(request, `E2E Review ${Date.now()}`);
  return chapters[0]!.id;
}

test.describe.configure({ mode: 'serial' });

let chapterId = '';

test.beforeAll(async ({ request }) => {
  test.setTimeout(240_000);
  chapterId = await seedChapter(request);
});

test('drag a boundary, nudge it, approve, edit the text and undo', async ({ page }) => {
  const frags = fragments(chapterId);
  // the first pair sharing a boundary (linked)
  const i = frags.findIndex((f, k) => k > 0 && frags[k + 1] && Math.abs(frags[k + 1]!.begin - f.end) < 0.001 && frags[k + 1]!.end - f.end > 0.5);
  expect(i, 'a pair of paragraphs sharing a boundary').toBeGreaterThan(0);
  const left = frags[i]!;
  const right = frags[i + 1]!;

  const errors: Error[] = [];
  page.on('pageerror', (e) => errors.push(e));
  await openEditor(page, chapterId);
  const handle = page.getByTestId(`region-end-${left.id}`);
  await expect(handle).toBeAttached({ timeout: 30_000 });
  await dragHandle(page, handle, [10, 20]);

  // both paragraphs moved to one new time, saved together
  await expect.poll(() => fragment(left.id).end, { timeout: 10_000 }).toBeGreaterThan(left.end + 0.05);
  const draggedLeft = fragment(left.id);
  const draggedRight = fragment(right.id);
  expect(draggedRight.begin).toBe(draggedLeft.end);
  expect(draggedLeft.begin).toBe(left.begin);
  expect(draggedRight.end).toBe(right.end);
  expect(draggedLeft.version).toBe(left.version + 1);
  expect(draggedRight.version).toBe(right.version + 1);
  await expect(page.getByTestId('save-status')).toHaveText('Saved');

  // ] nudges the end of the current paragraph 10 ms later (the neighbour's begin with it)
  await selectRow(page, left.position);
  await page.keyboard.press(']');
  await expect.poll(() => fragment(left.id).end, { timeout: 10_000 }).toBeCloseTo(draggedLeft.end + 0.01, 6);
  expect(fragment(right.id).begin).toBeCloseTo(draggedLeft.end + 0.01, 6);
  await expect(page.getByTestId('current-times')).toContainText((draggedLeft.end + 0.01).toFixed(3));

  // A approves (and goes on to the next paragraph to review: e2e/review-approve-next.spec.ts); back to this one
  await page.keyboard.press('a');
  await expect.poll(() => fragment(left.id).status, { timeout: 10_000 }).toBe('approved');
  await selectRow(page, left.position);
  await expect(page.getByTestId('current-status')).toHaveText('approved');

  // F marks the paragraph for attention (the flag, not the status); F again clears the mark
  await page.keyboard.press('f');
  await expect.poll(() => flagOf(left.id), { timeout: 10_000 }).toBe('attention');
  expect(fragment(left.id).status).toBe('approved');
  await expect(page.getByRole('button', { name: 'Clear attention' })).toBeVisible();
  await page.keyboard.press('f');
  await expect.poll(() => flagOf(left.id), { timeout: 10_000 }).toBeNull();
  await expect(page.getByRole('button', { name: 'Mark for attention' })).toBeVisible();

  // E edits the text; Enter saves and the server re-normalises it
  await page.keyboard.press('e');
  const text = page.getByLabel('Paragraph text');
  await expect(text).toBeFocused();
  await text.press('End');
  await text.pressSequentially(' Añadido 42.');
  await text.press('Enter');
  await expect.poll(() => fragment(left.id).text, { timeout: 10_000 }).toBe(`${left.text} Añadido 42.`);
  const edited = fragment(left.id);
  expect(edited.normText).not.toBe(left.normText);
  expect(edited.normText.toLowerCase()).toContain('añadido');
  await expect(page.getByTestId('current-normtext')).toHaveText(edited.normText);

  // Ctrl+Z takes the text edit back, in the database too
  await page.keyboard.press('Control+z');
  await expect.poll(() => fragment(left.id).text, { timeout: 10_000 }).toBe(left.text);
  expect(fragment(left.id).normText).toBe(left.normText);
  await expect(text).toHaveValue(left.text);

  // the undo stack survives a reload: the next Ctrl+Z un-approves
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  await page.reload();
  await selectRow(page, left.position);
  await page.keyboard.press('Control+z');
  await expect.poll(() => fragment(left.id).status, { timeout: 10_000 }).not.toBe('approved');
  expect(errors).toEqual([]);
});

test('two reviewers edit one paragraph: the second sees a conflict and nothing is lost', async ({ browser }) => {
  const frags = fragments(chapterId);
  const target = frags[frags.length - 1]!;
  const a = await browser.newContext();
  const b = await browser.newContext();
  try {
    const pageA = await a.newPage();
    const pageB = await b.newPage();
    const errors: Error[] = [];
    pageA.on('pageerror', (e) => errors.push(e));
    pageB.on('pageerror', (e) => errors.push(e));
    await openEditor(pageA, chapterId);
    await openEditor(pageB, chapterId);
    await selectRow(pageA, target.position);
    await selectRow(pageB, target.position);

    // A saves first
    const textA = pageA.getByLabel('Paragraph text');
    await textA.fill(`${target.text} (versión A)`);
    await textA.press('Enter');
    await expect.poll(() => fragment(target.id).text, { timeout: 10_000 }).toBe(`${target.text} (versión A)`);

    // B still holds the old version
    const textB = pageB.getByLabel('Paragraph text');
    await textB.fill(`${target.text} (versión B)`);
    await textB.press('Enter');
    await expect(pageB.getByRole('alert').filter({ hasText: `Paragraph ${target.position + 1} was changed by someone else` })).toBeVisible();
    await expect(pageB.getByTestId('save-status')).toHaveText('Conflict');
    // A's change is kept, and B now sees it
    expect(fragment(target.id).text).toBe(`${target.text} (versión A)`);
    await expect(textB).toHaveValue(`${target.text} (versión A)`);

    // B's change is not lost either: it can be applied on top, and both stay in the history
    await pageB.getByRole('button', { name: 'Apply my change again' }).click();
    await expect.poll(() => fragment(target.id).text, { timeout: 10_000 }).toBe(`${target.text} (versión B)`);
    const afters = queryAll<{ after: string }>('SELECT "after" FROM FragmentRevision WHERE fragmentId = ? ORDER BY version', target.id).map(
      (r) => (JSON.parse(r.after) as { text: string }).text,
    );
    expect(afters.slice(-2)).toEqual([`${target.text} (versión A)`, `${target.text} (versión B)`]);
    await expect(pageB.getByTestId('save-status')).toHaveText('Saved');
    expect(errors).toEqual([]);
  } finally {
    await a.close();
    await b.close();
  }
});
