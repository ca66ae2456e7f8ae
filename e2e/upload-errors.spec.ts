import { expect, test, type Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { createProject } from './helpers/create-project.ts';
import { EBOOK, queryOne } from './helpers/seed-book.ts';

function uploadRow(page: Page, fileName: string) {
  return page.getByRole('list', { name: 'Uploads' }).getByRole('listitem').filter({ hasText: fileName });
}

const booksTitled = (title: string) => queryOne<{ n: number }>('SELECT COUNT(*) AS n FROM Book WHERE title = ?', title)!.n;

test('every refused file is listed with the server’s reason, and a book with no file is not left behind', async ({ page }, testInfo) => {
  const notes = testInfo.outputPath('notes.txt');
  writeFileSync(notes, 'these are my notes, not an audiobook');
  const empty = testInfo.outputPath('empty_02.mp3');
  writeFileSync(empty, '');
  const emptyEbook = testInfo.outputPath('libro.txt');
  writeFileSync(emptyEbook, '');
  await createProject(page, 'E2E Upload errors');
  await page.getByLabel('Title').fill('Nothing good');
  await page.getByLabel(/Audio files/).setInputFiles([notes, empty]);
  await page.getByLabel(/Ebook/).setInputFiles(emptyEbook);
  await page.getByRole('button', { name: 'Upload book' }).click();

  // the server's own words (415 and 400), each beside its file
  await expect(uploadRow(page, 'notes.txt').getByRole('alert')).toHaveText(/notes\.txt is not a supported audio file\. Upload .*mp3/);
  await expect(uploadRow(page, 'empty_02.mp3').getByRole('alert')).toHaveText('empty_02.mp3 is empty (0 bytes). Upload the file again.');
  await expect(uploadRow(page, 'libro.txt').getByRole('alert')).toHaveText('libro.txt is empty (0 bytes). Upload the ebook again.');
  await expect(page.getByRole('status')).toHaveText(/No file was uploaded \(3 files refused, listed above\), so the book was not created/);
  await expect(page.getByText('Some files failed')).toHaveCount(0);
  // no empty book in the database or on the page
  expect(booksTitled('Nothing good')).toBe(0);
  await expect(page.getByText('No books yet.')).toBeVisible();
  await page.reload();
  await expect(page.getByText('No books yet.')).toBeVisible();
});

test('when some files are kept, the book appears in the Books table at once and the refused ones say why', async ({ page }, testInfo) => {
  const notes = testInfo.outputPath('capitulo_01.txt');
  writeFileSync(notes, 'not audio');
  await createProject(page, 'E2E Upload partial');
  await expect(page.getByText('No books yet.')).toBeVisible();
  await page.getByLabel('Title').fill('Half a book');
  await page.getByLabel(/Audio files/).setInputFiles([notes]);
  await page.getByLabel(/Ebook/).setInputFiles(EBOOK);
  await page.getByRole('button', { name: 'Upload book' }).click();

  await expect(uploadRow(page, 'capitulo_01.txt').getByRole('alert')).toHaveText(/capitulo_01\.txt is not a supported audio file/);
  await expect(uploadRow(page, 'faro-de-la-isla.txt')).toContainText('uploaded');
  await expect(page.getByRole('status')).toHaveText(/1 file refused \(listed above with the reason\); 1 file kept\. Open the book to add the missing files\./);
  // the Books table refreshed without a reload
  await expect(page.getByRole('link', { name: 'Half a book' })).toBeVisible();
  await expect(page.getByText('No books yet.')).toHaveCount(0);
  expect(booksTitled('Half a book')).toBe(1);
  await page.getByRole('link', { name: 'Open the book' }).click();
  await expect(page.getByRole('heading', { name: 'Half a book' })).toBeVisible();
  await expect(page.getByText('Add audio files or a ZIP')).toBeVisible();
});
