// The chapter review editor as the specs drive it: open a chapter's review page and wait until the editor is ready
// (its waveform drawn), and select a paragraph in the list.
import { expect, type Page } from '@playwright/test';

/** Waits for the editor on the page to be ready (data-editor-ready: the waveform and its regions are drawn). */
export async function expectEditorReady(page: Page) {
  await expect(page.getByTestId('chapter-editor')).toHaveAttribute('data-editor-ready', 'true', { timeout: 30_000 });
}

/** Opens the chapter's review page (on one paragraph with `fragment`) and waits for its heading and a ready editor. */
export async function openEditor(page: Page, chapterId: string, opts: { fragment?: string } = {}) {
  await page.goto(`/chapters/${chapterId}/review${opts.fragment ? `?fragment=${opts.fragment}` : ''}`);
  await expect(page.getByRole('heading', { name: /^Review:/ })).toBeVisible();
  await expectEditorReady(page);
}

/** Clicks the paragraph at `position` (0-based) in the list and waits for its details to show. */
export async function selectRow(page: Page, position: number) {
  await page.getByRole('listbox', { name: 'Paragraphs' }).getByRole('option').nth(position).click();
  await expect(page.getByRole('heading', { name: `Paragraph ${position + 1}`, exact: true })).toBeVisible();
}
