// Sign-in, roles and sign-out. The admin is the one global-setup made; the reviewer is made here with the CLI.
import { expect, test } from '@playwright/test';
import { ADMIN_STATE, createUserWithCli, E2E_ADMIN, E2E_REVIEWER } from './global-setup.ts';
import { queryOne } from './helpers/seed-book.ts';
import { SIGNED_OUT, signInPage } from './helpers/sign-in.ts';

let projectId = '';

test.beforeAll(async ({ playwright }, testInfo) => {
  createUserWithCli(E2E_REVIEWER, 'reviewer');
  const admin = await playwright.request.newContext({ baseURL: testInfo.project.use.baseURL, storageState: ADMIN_STATE });
  const res = await admin.post('/api/projects', { data: { name: `E2E Auth ${Date.now()}` } });
  expect(res.status()).toBe(200);
  projectId = (await res.json()).project.id;
  await admin.dispose();
});

test.describe('signed out', () => {
  test.use({ storageState: SIGNED_OUT });

  test('pages send you to sign in, the API answers 401, a wrong password is refused', async ({ page }) => {
    await page.goto(`/projects/${projectId}`);
    await expect(page).toHaveURL(new RegExp(`/sign-in\\?next=%2Fprojects%2F${projectId}$`));
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    const api = await page.request.get('/api/projects');
    expect(api.status()).toBe(401);
    expect((await api.json()).error.code).toBe('UNAUTHENTICATED');
    // public sign-up does not exist
    expect((await page.request.post('/api/auth/sign-up/email', { data: { email: 'eve@x.org', password: 'eve password', name: 'Eve' } })).status()).toBe(404);

    await page.getByLabel('Email').fill(E2E_REVIEWER.email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('main').getByRole('alert')).toContainText('Wrong email or password');
    // the right one brings you back where you were going
    await page.getByLabel('Password').fill(E2E_REVIEWER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(new RegExp(`/projects/${projectId}$`));
  });
});

test('a reviewer sees no admin controls, the API refuses admin actions, and signing out ends the session', async ({ browser }) => {
  const { context, page } = await signInPage(browser, E2E_REVIEWER);
  await expect(page.getByLabel('Signed in')).toContainText('reviewer');
  await expect(page.getByRole('heading', { name: 'Projects' })).toBeVisible();
  await expect(page.getByLabel('Project name')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Users' })).toHaveCount(0);

  await page.goto(`/projects/${projectId}`);
  await expect(page.getByRole('heading', { name: 'Books' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Upload book' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Export' })).toHaveCount(0);
  await page.goto(`/projects/${projectId}/export`);
  await expect(page.getByRole('main').getByRole('alert')).toContainText('Exporting a corpus needs an admin');
  await page.goto('/admin/users');
  await expect(page.getByRole('main').getByRole('alert')).toContainText('Managing users needs an admin');

  // the API says no too, with the session cookie of the page
  const create = await page.request.post('/api/projects', { data: { name: 'Reviewer project' } });
  expect(create.status()).toBe(403);
  expect((await create.json()).error.code).toBe('FORBIDDEN');
  expect((await page.request.get(`/api/projects/${projectId}/exports`)).status()).toBe(403);
  expect((await page.request.get('/api/projects')).status()).toBe(200);
  expect(queryOne("SELECT COUNT(*) AS n FROM Project WHERE name = 'Reviewer project'")).toEqual({ n: 0 });
  const sessions = queryOne<{ n: number }>('SELECT COUNT(*) AS n FROM Session s JOIN User u ON u.id = s.userId WHERE u.email = ?', E2E_REVIEWER.email)!;
  expect(sessions.n).toBeGreaterThan(0);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  expect((await page.request.get('/api/projects')).status()).toBe(401);
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in$/);
  await context.close();
});

test('an admin creates a user and makes them admin on the Users page; they sign in with that role', async ({ page, browser }) => {
  const email = `new-${Date.now()}@alinea.local`;
  await page.goto('/');
  await expect(page.getByLabel('Signed in')).toContainText(E2E_ADMIN.email);
  await page.getByRole('link', { name: 'Users' }).click();
  await expect(page.getByRole('heading', { name: 'Users' })).toBeVisible();
  const form = page.getByRole('form', { name: 'New user' });
  await form.getByLabel('Email').fill(email);
  // a common password is refused, with why
  await form.getByLabel('Password').fill('password1234');
  await form.getByRole('button', { name: 'Create user' }).click();
  await expect(form.getByRole('alert')).toContainText('too easy to guess');
  await form.getByLabel('Email').fill(email); // React resets the form after an action
  await form.getByLabel('Password').fill('a fine password');
  await form.getByRole('button', { name: 'Create user' }).click();
  await expect(form.getByRole('status')).toContainText(`Created ${email} (reviewer)`);
  const row = page.getByTestId('user-row').filter({ hasText: email });
  await expect(row).toBeVisible();
  await row.getByLabel(`Role of ${email}`).selectOption('admin');
  await row.getByRole('button', { name: 'Save role' }).click();
  await expect(row.getByRole('status')).toContainText(`${email} is now admin`);
  // the same address twice is refused, by name
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Password').fill('another password');
  await form.getByRole('button', { name: 'Create user' }).click();
  await expect(form.getByRole('alert')).toContainText(`${email} already exists`);

  const { context, page: theirs } = await signInPage(browser, { email, password: 'a fine password' });
  await expect(theirs.getByLabel('Signed in')).toContainText('admin');
  await expect(theirs.getByLabel('Project name')).toBeVisible();
  await context.close();
});
