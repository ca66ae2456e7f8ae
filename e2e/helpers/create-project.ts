// A project made on the home page, as an admin does it.
import { expect, type Page } from '@playwright/test';

/** Creates the project `name` with the home page's form and waits for its page. */
export async function createProject(page: Page, name: string) {
  await page.goto('/');
  await page.getByLabel('Project name').fill(name);
  await page.getByRole('button', { name: 'Create project' }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
}
