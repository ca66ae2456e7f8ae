import { expect, test } from '@playwright/test';
import { dragHandle, openEditor } from './helpers/chapter-editor.ts';
import { queryAll, queryOne, seedAlignedBook } from './helpers/seed-book.ts';

// The editor's sentence level: switch to it, drag a boundary between two sentences of a paragraph, and find the
// paragraph saved with its new sentence times (version, status, revision) in the database.

type Sentence = { text: string; normText: string; begin: number; end: number; confidence?: number };
type Frag = { id: string; position: number; begin: number; end: number; status: string; version: number; sentences: Sentence[] | null };

function fragments(chapterId: string): Frag[] {
  const rows = queryAll<Omit<Frag, 'sentences'> & { sentences: string | null }>(
    'SELECT id, position, "begin", "end", status, version, sentences FROM Fragment WHERE chapterId = ? ORDER BY position',
    chapterId,
  );
  return rows.map((r) => ({ ...r, sentences: r.sentences === null ? null : (JSON.parse(r.sentences) as Sentence[]) }));
}

const fragment = (chapterId: string, id: string) => fragments(chapterId).find((f) => f.id === id)!;

const lastRevision = (id: string) =>
  queryOne<{ reason: string; version: number }>('SELECT reason, version FROM FragmentRevision WHERE fragmentId = ? ORDER BY version DESC LIMIT 1', id)!;

test('switch to sentences, drag a sentence boundary: the paragraph saves it', async ({ page, request }) => {
  test.setTimeout(240_000);
  const { chapters } = await seedAlignedBook(request, `E2E Sentences ${Date.now()}`);
  const chapterId = chapters[0]!.id;
  const frags = fragments(chapterId);
  // every aligned paragraph has its sentences; pick one whose second sentence has room to grow into
  for (const f of frags) {
    expect(f.sentences, `paragraph ${f.position + 1} has sentences`).not.toBeNull();
    expect(f.sentences![0]!.begin).toBe(f.begin);
    expect(f.sentences!.at(-1)!.end).toBe(f.end);
    // each sentence keeps the aligner's confidence
    for (const s of f.sentences!) expect(s.confidence, `paragraph ${f.position + 1}: sentence confidence`).toBeGreaterThanOrEqual(0);
    for (const s of f.sentences!) expect(s.confidence).toBeLessThanOrEqual(1);
  }
  const target = frags.find((f) => f.sentences!.length >= 2 && f.sentences![1]!.end - f.sentences![1]!.begin > 2)!;
  expect(target, 'a paragraph of two or more sentences').toBeDefined();
  const [s0] = target.sentences!;

  const errors: Error[] = [];
  page.on('pageerror', (e) => errors.push(e));
  await openEditor(page, chapterId);
  const level = page.getByRole('group', { name: 'Level' });
  await level.getByRole('button', { name: 'Sentences' }).click();
  await expect(level.getByRole('button', { name: 'Sentences' })).toHaveAttribute('aria-pressed', 'true');

  // one region per sentence, each paragraph's sentences in its status colour
  const regionCount = frags.reduce((n, f) => n + f.sentences!.length, 0);
  await expect(page.locator('[data-testid^="region-"][data-testid*=":s"]:not([data-testid^="region-start-"]):not([data-testid^="region-end-"])')).toHaveCount(regionCount, {
    timeout: 30_000,
  });

  // drag the boundary between the first and the second sentence 15 px later
  const handle = page.getByTestId(`region-end-${target.id}:s0`);
  await expect(handle).toBeAttached();
  await dragHandle(page, handle, [8, 15]);

  await expect.poll(() => fragment(chapterId, target.id).sentences![0]!.end, { timeout: 10_000 }).toBeGreaterThan(s0!.end + 0.05);
  const after = fragment(chapterId, target.id);
  // the paragraph itself did not move; its sentences stay ordered and linked
  expect([after.begin, after.end]).toEqual([target.begin, target.end]);
  expect(after.sentences![1]!.begin).toBe(after.sentences![0]!.end);
  expect(after.sentences!.map((s) => s.text)).toEqual(target.sentences!.map((s) => s.text));
  expect(after.version).toBe(target.version + 1);
  expect(after.status).toBe('edited');
  expect(lastRevision(target.id)).toEqual({ reason: 'sentence boundary', version: target.version + 1 });
  await expect(page.getByTestId('save-status')).toHaveText('Saved');

  // the side panel lists the paragraph's sentences with their new times and a play button each
  const list = page.getByRole('list', { name: 'Sentences' });
  await expect(page.getByRole('heading', { name: `Paragraph ${target.position + 1}`, exact: true })).toBeVisible();
  await expect(list.getByTestId('sentence-row')).toHaveCount(target.sentences!.length);
  await expect(list.getByTestId('sentence-times').first()).toHaveText(`${after.sentences![0]!.begin.toFixed(2)}–${after.sentences![0]!.end.toFixed(2)}`);
  // each sentence's confidence as the paragraph rows show theirs: the two the reviewer moved have none any more
  expect(after.sentences!.slice(0, 2).map((s) => s.confidence)).toEqual([undefined, undefined]);
  const confidences = list.getByTestId('sentence-confidence');
  await expect(confidences).toHaveCount(target.sentences!.length);
  await expect(confidences.nth(0)).toHaveText('—');
  await expect(confidences.nth(1)).toHaveText('—');
  for (const [k, s] of target.sentences!.entries()) {
    if (k >= 2) await expect(confidences.nth(k)).toHaveText(`${Math.round(s.confidence! * 100)} %`);
  }
  await list.getByRole('button', { name: 'Play sentence 2' }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.screenshot({ path: '/tmp/alinea-sentence-level.png', fullPage: true });
  await page.getByRole('region', { name: 'Waveform' }).screenshot({ path: '/tmp/alinea-sentence-waveform.png' });

  // Ctrl+Z takes the sentence boundary back, in the database too
  await page.keyboard.press('Control+z');
  await expect.poll(() => fragment(chapterId, target.id).sentences![0]!.end, { timeout: 10_000 }).toBe(s0!.end);
  // and the aligner's confidence of the two sentences the drag had touched comes back with them
  expect(fragment(chapterId, target.id).sentences!.map((s) => s.confidence)).toEqual(target.sentences!.map((s) => s.confidence));
  await expect(confidences.nth(0)).toHaveText(`${Math.round(target.sentences![0]!.confidence! * 100)} %`);

  // V goes back to paragraphs (the shortcut is in the ? list)
  await page.keyboard.press('v');
  await expect(level.getByRole('button', { name: 'Paragraphs' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId(`region-end-${target.id}`)).toBeAttached();
  await expect(list).toHaveCount(0);
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText('between paragraphs and sentences');
  expect(errors).toEqual([]);
});
