import { expect, test } from '@playwright/test';
import { dragHandle, expectEditorReady } from './helpers/chapter-editor.ts';
import { ok, queryAll, seedAlignedBook } from './helpers/seed-book.ts';

// A sentence a paragraph edge was dragged over has no length left. At the sentence level it is still drawn a few
// pixels wide with both handles, so the reviewer can drag its time back.

type Sentence = { begin: number; end: number };
type Frag = { id: string; position: number; begin: number; end: number; version: number; sentences: Sentence[] | null };

function fragments(chapterId: string): Frag[] {
  const rows = queryAll<Omit<Frag, 'sentences'> & { sentences: string | null }>(
    'SELECT id, position, "begin", "end", version, sentences FROM Fragment WHERE chapterId = ? ORDER BY position',
    chapterId,
  );
  return rows.map((r) => ({ ...r, sentences: r.sentences === null ? null : (JSON.parse(r.sentences) as Sentence[]) }));
}

test('a zero-length sentence keeps its handles: drag its start back and it has a length again', async ({ page, request }) => {
  test.setTimeout(240_000);
  const { chapters } = await seedAlignedBook(request, `E2E Zero-length sentence ${Date.now()}`);
  const chapterId = chapters[0]!.id;
  const target = fragments(chapterId).find((f) => f.sentences!.length >= 2 && f.sentences!.at(-2)!.end - f.sentences!.at(-2)!.begin > 2)!;
  expect(target, 'a paragraph of two or more sentences').toBeDefined();
  const n = target.sentences!.length;
  const collapseAt = target.sentences![n - 1]!.begin;
  // the paragraph's end moved over its last sentence (as a drag of that edge does): that sentence is left with no length
  await ok(request.patch(`/api/fragments/${target.id}`, { data: { expectedVersion: target.version, changes: { end: collapseAt } } }));
  const collapsed = fragments(chapterId).find((f) => f.id === target.id)!;
  expect([collapsed.sentences![n - 1]!.begin, collapsed.sentences![n - 1]!.end]).toEqual([collapseAt, collapseAt]);

  const errors: Error[] = [];
  page.on('pageerror', (e) => errors.push(e));
  await page.goto(`/chapters/${chapterId}/review?fragment=${target.id}`);
  await page.getByRole('group', { name: 'Level' }).getByRole('button', { name: 'Sentences' }).click();
  await expectEditorReady(page);
  // the whole chapter (35 s) fits the view: 16 px are about 0.4 s
  const id = `${target.id}:s${n - 1}`;
  const region = page.getByTestId(`region-${id}`);
  await expect(region).toBeAttached();
  const start = page.getByTestId(`region-start-${id}`);
  const end = page.getByTestId(`region-end-${id}`);
  await expect(start).toBeAttached();
  await expect(end).toBeAttached();
  const box = (await region.boundingBox())!;
  expect(box.width, 'drawn wide enough for its two handles').toBeGreaterThanOrEqual(12);
  await page.getByRole('region', { name: 'Waveform' }).screenshot({ path: '/tmp/alinea-zero-length-sentence.png' });

  // drag its start handle 40 px earlier: the sentence before it gives it that time
  await dragHandle(page, start, [-10, -40]);

  await expect.poll(() => fragments(chapterId).find((f) => f.id === target.id)!.sentences![n - 1]!.begin, { timeout: 10_000 }).toBeLessThan(collapseAt - 0.05);
  const after = fragments(chapterId).find((f) => f.id === target.id)!;
  expect(after.sentences![n - 1]!.end).toBe(collapseAt);
  expect(after.sentences![n - 2]!.end).toBe(after.sentences![n - 1]!.begin);
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  expect(errors).toEqual([]);
});
