// The chapter review editor as the specs drive it: open a chapter's review page and wait until the editor is ready
// (its waveform drawn), select a paragraph in the list, drag a region's handle with the mouse.
import { expect, type Locator, type Page } from '@playwright/test';

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

/** Presses the mouse on the centre of `handle`, moves it by each x offset (px from the start, 3 steps each) in turn and lets go. */
export async function dragHandle(page: Page, handle: Locator, offsets: number[]) {
  const box = (await handle.boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (const dx of offsets) await page.mouse.move(x + dx, y, { steps: 3 });
  await page.mouse.up();
}
