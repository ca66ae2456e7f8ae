// Signing in through the page, as a person does, in a browser context of its own (the specs' default context is
// the admin that global-setup signed in).
import { expect, type Browser } from '@playwright/test';

/** A storage state with no session: the studio sends such a visitor to /sign-in. */
export const SIGNED_OUT = { cookies: [], origins: [] };

/** A new signed-out context and page, signed in as `user` on the sign-in page; close the context when done. */
export async function signInPage(browser: Browser, user: { email: string; password: string }) {
  const context = await browser.newContext({ storageState: SIGNED_OUT });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByLabel('Signed in')).toContainText(user.email);
  return { context, page };
}
