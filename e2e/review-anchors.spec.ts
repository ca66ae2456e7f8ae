import { expect, test, type APIRequestContext } from '@playwright/test';
import { openEditor, selectRow } from './helpers/chapter-editor.ts';
import { ok, queryAll, seedAlignedBook } from './helpers/seed-book.ts';

// Anchors and re-alignment between them: lock two boundaries in the editor, re-align the paragraphs between
// them (a realign-span job), see the proposal, accept it; the database has the proposed times, the anchors
// did not move and nothing outside them changed.

type Frag = { id: string; position: number; begin: number; end: number; version: number; lockedBegin: number; lockedEnd: number };

const fragments = (chapterId: string) =>
  queryAll<Frag>('SELECT id, position, "begin", "end", version, lockedBegin, lockedEnd FROM Fragment WHERE chapterId = ? ORDER BY position', chapterId);

/** Uploads the fixture book through the API; returns it and its first chapter once every chapter is aligned. */
async function seedChapter(request: APIRequestContext): Promise<{ bookId: string; chapterId: string }> {
  const { bookId, chapters } = await seedAlignedBook(request, `E2E Anchors ${Date.now()}`);
  return { bookId, chapterId: chapters[0]!.id };
}

test.describe.configure({ mode: 'serial' });

let chapterId = '';
let bookId = '';

test.beforeAll(async ({ request }) => {
  test.setTimeout(240_000);
  ({ bookId, chapterId } = await seedChapter(request));
});

test('lock two anchors, re-align between them, accept the proposal', async ({ page, request }) => {
  const initial = fragments(chapterId);
  expect(initial.length, 'a chapter with at least 4 paragraphs').toBeGreaterThanOrEqual(4);
  const first = 1; // anchor: the begin of paragraph 2
  const last = Math.min(4, initial.length - 2); // anchor: the end of paragraph last + 1
  // Put an inner boundary somewhere wrong (0.8 s late), as a reviewer would find it, so the re-alignment moves it.
  const [l, r] = [initial[first]!, initial[first + 1]!];
  await ok(
    request.post('/api/fragments/boundary', {
      data: { left: { fragmentId: l.id, expectedVersion: l.version }, right: { fragmentId: r.id, expectedVersion: r.version }, time: Math.min(l.end + 0.8, (l.end + r.end) / 2) },
    }),
  );
  const before = fragments(chapterId);

  const errors: Error[] = [];
  page.on('pageerror', (e) => errors.push(e));
  await openEditor(page, chapterId);

  // lock the begin of paragraph first+1 and the end of paragraph last+1 (both sides of each boundary)
  await selectRow(page, first);
  await page.getByRole('button', { name: 'Lock begin' }).click();
  await expect(page.getByRole('button', { name: 'Unlock begin' })).toBeVisible();
  await expect.poll(() => fragments(chapterId)[first]!.lockedBegin).toBe(1);
  expect(fragments(chapterId)[first - 1]!.lockedEnd).toBe(1);
  await expect(page.getByTestId(`region-start-${before[first]!.id}`)).toHaveAttribute('data-locked', 'true');
  await selectRow(page, last);
  await page.keyboard.press('Control+l'); // the current boundary: this paragraph's end
  await expect.poll(() => fragments(chapterId)[last]!.lockedEnd).toBe(1);
  expect(fragments(chapterId)[last + 1]!.lockedBegin).toBe(1);
  await expect(page.getByRole('button', { name: 'Unlock end' })).toBeVisible();

  // re-align between them from a paragraph in the middle: a proposal, nothing saved yet
  await selectRow(page, first + 1);
  await page.getByRole('button', { name: 'Re-align between anchors' }).click();
  const table = page.getByRole('table', { name: 'Proposed times' });
  await expect(table).toBeVisible({ timeout: 90_000 });
  await expect(table.getByRole('row')).toHaveCount(last - first + 2); // header + one per paragraph
  await expect(page.getByTestId('ghost-boundary').first()).toBeAttached();
  expect(fragments(chapterId).map((f) => [f.begin, f.end, f.version])).toEqual(
    before.map((f) => [f.begin, f.end, f.version]),
  );
  const [job] = queryAll<{ result: string }>("SELECT result FROM Job WHERE type = 'realign-span' ORDER BY createdAt DESC LIMIT 1");
  const proposal = JSON.parse(job!.result) as { fragments: Array<{ id: string; begin: number; end: number }> };
  expect(proposal.fragments.map((f) => f.id)).toEqual(before.slice(first, last + 1).map((f) => f.id));

  await page.getByRole('button', { name: 'Accept proposal' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Re-alignment accepted' })).toBeVisible();
  await expect.poll(() => fragments(chapterId)[first]!.end, { timeout: 10_000 }).toBe(proposal.fragments[0]!.end);
  const after = fragments(chapterId);
  // the proposed times are in the database, and the wrong boundary moved
  for (const p of proposal.fragments) {
    const f = after.find((g) => g.id === p.id)!;
    expect([f.begin, f.end]).toEqual([p.begin, p.end]);
  }
  expect(after[first]!.end).not.toBe(before[first]!.end);
  // the anchors did not move, nor anything outside them
  expect(after[first]!.begin).toBe(before[first]!.begin);
  expect(after[last]!.end).toBe(before[last]!.end);
  for (const i of [...Array(after.length).keys()].filter((i) => i < first || i > last)) {
    expect([after[i]!.begin, after[i]!.end, after[i]!.version]).toEqual([before[i]!.begin, before[i]!.end, before[i]!.version]);
  }
  const reasons = queryAll<{ reason: string }>(
    `SELECT reason FROM FragmentRevision WHERE fragmentId IN (${proposal.fragments.map(() => '?').join(',')}) AND reason = 'realign'`,
    ...proposal.fragments.map((f) => f.id),
  );
  expect(reasons.length).toBeGreaterThan(0);

  // a locked boundary refuses the keyboard nudge: [ on paragraph first+1 leaves its begin where it is
  await selectRow(page, first);
  await page.keyboard.press('[');
  await expect(page.getByRole('status').filter({ hasText: 'locked anchor' })).toBeVisible();
  expect(fragments(chapterId)[first]!.begin).toBe(before[first]!.begin);
  expect(errors).toEqual([]);
});

test('the book review page: progress, the queue links to the paragraph, N goes on to the next chapter', async ({ page, request }) => {
  const frags = fragments(chapterId);
  await page.goto(`/books/${bookId}/review`);
  await expect(page.getByRole('heading', { name: /^Review: / })).toBeVisible();
  await expect(page.getByRole('progressbar', { name: 'Reviewed audio', exact: true })).toBeVisible();
  await expect(page.getByRole('progressbar', { name: /^Reviewed audio of 1\. / })).toBeVisible();
  // the worst paragraph first; its link opens the editor at it
  const [worst] = queryAll<{ id: string; position: number }>(
    "SELECT f.id, f.position FROM Fragment f JOIN Chapter c ON c.id = f.chapterId WHERE c.bookId = ? AND f.status IN ('auto','edited') AND f.confidence IS NOT NULL ORDER BY f.confidence ASC, c.position, f.position LIMIT 1",
    bookId,
  );
  const queue = page.getByRole('table', { name: 'Paragraphs to review' });
  await queue.getByRole('row').nth(1).getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`\\?fragment=${worst!.id}$`));
  await expect(page.getByRole('heading', { name: `Paragraph ${worst!.position + 1}`, exact: true })).toBeVisible();

  // review the whole first chapter, then N offers the next chapter with paragraphs to review
  for (const f of fragments(chapterId)) {
    await ok(request.patch(`/api/fragments/${f.id}`, { data: { expectedVersion: f.version, changes: { status: 'approved' } } }));
  }
  await openEditor(page, chapterId);
  await page.keyboard.press('n');
  const next = page.getByRole('link', { name: /^Next: / });
  await expect(next).toBeVisible();
  await next.click();
  // wait for the navigation itself: the editor of another chapter
  await expect(page).toHaveURL((url) => /\/chapters\/[^/]+\/review$/.test(url.pathname + url.search) && !url.pathname.includes(chapterId));
  // the filters: approved only shows the reviewed chapter's paragraphs
  await page.goto(`/books/${bookId}/review?status=approved`);
  await expect(page.getByText(`${frags.length} paragraph${frags.length === 1 ? '' : 's'}, worst confidence first`)).toBeVisible();
});
