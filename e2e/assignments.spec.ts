// Reviewers can be given work (issue 11, item 9): an admin assigns a chapter on the project's Review page, the
// reviewer signs in and finds it under "My chapters" on their home with its progress, and unassigning takes it away.
import { expect, test } from '@playwright/test';
import { createUserWithCli } from './global-setup.ts';
import { ok, queryOne, seedAlignedBook } from './helpers/seed-book.ts';
import { signInPage } from './helpers/sign-in.ts';

const REVIEWER = { email: 'e2e-assignee@alinea.local', password: 'quiet lighthouse keeper 42' };
const SHOTS = '/tmp/shots';
let projectId = '';
let chapter = { id: '', label: '', total: 0 };
let reviewerId = '';

const assigneeInDb = () => queryOne<{ assigneeId: string | null }>('SELECT assigneeId FROM Chapter WHERE id = ?', chapter.id)!.assigneeId;

test.beforeAll(async ({ request }) => {
  createUserWithCli(REVIEWER, 'reviewer');
  const seeded = await seedAlignedBook(request, `E2E Assignments ${Date.now()}`);
  projectId = seeded.projectId;
  const first = seeded.chapters[0]!;
  // two paragraphs approved: the reviewer's home must show them as progress
  const { chapter: c } = await ok<{ chapter: { fragments: { id: string; version: number; begin: number | null }[] } }>(request.get(`/api/chapters/${first.id}/fragments`));
  for (const f of c.fragments.filter((f) => f.begin !== null).slice(0, 2)) {
    await ok(request.patch(`/api/fragments/${f.id}`, { data: { expectedVersion: f.version, changes: { status: 'approved' }, reason: 'e2e approve' } }));
  }
  const row = queryOne<{ position: number; title: string | null }>('SELECT position, title FROM Chapter WHERE id = ?', first.id)!;
  chapter = { id: first.id, label: `${row.position + 1}. ${row.title ?? `Chapter ${row.position + 1}`}`, total: c.fragments.length };
  reviewerId = queryOne<{ id: string }>('SELECT id FROM User WHERE email = ?', REVIEWER.email)!.id;
});

test('an admin assigns a chapter; the reviewer sees it under My chapters with its progress; unassigning removes it', async ({ page, browser }) => {
  // the admin gives chapter 1 to the reviewer on the project's Review page
  await page.goto(`/projects/${projectId}/review`);
  const select = page.getByLabel(`Assignee of ${chapter.label}`);
  await expect(select).toHaveValue('');
  await select.selectOption(reviewerId);
  await expect.poll(assigneeInDb).toBe(reviewerId);
  await page.reload();
  await expect(page.getByLabel(`Assignee of ${chapter.label}`)).toHaveValue(reviewerId);
  await page.screenshot({ path: `${SHOTS}/assign-review-page.png`, fullPage: true });

  // the reviewer signs in and lands on their home: the chapter, its progress, a link into the editor
  const { context, page: reviewer } = await signInPage(browser, REVIEWER);
  const mine = reviewer.getByRole('region', { name: 'My chapters' });
  await expect(mine.getByRole('heading', { name: 'My chapters' })).toBeVisible();
  const item = mine.getByTestId('my-chapter');
  await expect(item).toHaveCount(1);
  await expect(item.getByRole('link', { name: chapter.label })).toHaveAttribute('href', `/chapters/${chapter.id}/review`);
  await expect(item).toContainText(`2 of ${chapter.total} paragraphs reviewed (${Math.round((2 / chapter.total) * 100)} %)`);
  await expect(item.getByRole('progressbar', { name: `Reviewed paragraphs of ${chapter.label}` })).toHaveAttribute(
    'aria-valuenow',
    String(Math.round((2 / chapter.total) * 100)),
  );
  await reviewer.screenshot({ path: `${SHOTS}/assign-reviewer-home.png`, fullPage: true });

  // the reviewer sees who has what on the review page, but cannot change it (no control, and the API says 403)
  await reviewer.goto(`/projects/${projectId}/review`);
  await expect(reviewer.getByRole('table', { name: 'Progress by chapter' }).getByRole('row', { name: chapter.label })).toContainText(REVIEWER.email);
  await expect(reviewer.getByRole('table', { name: 'Progress by chapter' }).getByRole('row', { name: '2.' })).toContainText('Unassigned');
  await expect(reviewer.getByLabel(`Assignee of ${chapter.label}`)).toHaveCount(0);
  await reviewer.screenshot({ path: `${SHOTS}/assign-review-page-reviewer.png` });
  const refused = await reviewer.request.put(`/api/chapters/${chapter.id}/assignee`, { data: { assigneeId: null } });
  expect(refused.status()).toBe(403);
  expect(assigneeInDb()).toBe(reviewerId);

  // the link opens the chapter in the editor
  await reviewer.goto('/');
  await reviewer.getByRole('region', { name: 'My chapters' }).getByRole('link', { name: chapter.label }).click();
  await expect(reviewer).toHaveURL(new RegExp(`/chapters/${chapter.id}/review`));

  // the admin takes it back: the reviewer's home no longer lists it
  await page.getByLabel(`Assignee of ${chapter.label}`).selectOption('');
  await expect.poll(assigneeInDb).toBeNull();
  await reviewer.goto('/');
  await expect(reviewer.getByRole('region', { name: 'My chapters' })).toContainText('No chapters are assigned to you yet');
  await expect(reviewer.getByTestId('my-chapter')).toHaveCount(0);
  await reviewer.screenshot({ path: `${SHOTS}/assign-reviewer-home-empty.png`, fullPage: true });
  await context.close();
});
