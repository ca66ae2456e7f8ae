import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { expectEditorReady, openEditor } from './helpers/chapter-editor.ts';
import { queryAll, queryOne, seedAlignedBook } from './helpers/seed-book.ts';

// A waveform you can read: each region says its paragraph number and first words, boundaries are thin lines with a
// wide grab area, the pauses can be shown as a light band (kept across reloads), and the spectrogram shows at the
// whole-chapter zoom (the overview stored at ingest; sampled from the PCM for a file without one) as well as zoomed
// in (every frame). Screenshots go to /tmp/shots/wave-*.png.

type Frag = { id: string; position: number; begin: number; end: number; text: string };

function chapterRows(chapterId: string): { audioFileId: string; frags: Frag[] } {
  const { audioFileId } = queryOne<{ audioFileId: string }>('SELECT audioFileId FROM Chapter WHERE id = ?', chapterId)!;
  const frags = queryAll<Frag>('SELECT id, position, "begin", "end", text FROM Fragment WHERE chapterId = ? AND "begin" IS NOT NULL ORDER BY position', chapterId);
  return { audioFileId, frags };
}

test.describe.configure({ mode: 'serial' });

let chapterId = '';

test.beforeAll(async ({ request }) => {
  test.setTimeout(240_000);
  const { chapters } = await seedAlignedBook(request, `E2E Waveform ${Date.now()}`);
  chapterId = chapters[0]!.id; // 35 s: longer than the 30 s of the detailed spectrogram at the whole-chapter zoom
  mkdirSync('/tmp/shots', { recursive: true });
});

test('regions say their number and first words; boundaries are thin lines with a wide grab area', async ({ page }) => {
  const { frags } = chapterRows(chapterId);
  expect(frags.length).toBeGreaterThan(2);
  await openEditor(page, chapterId);

  // the whole chapter is in view: every region wider than a short caption says "N first words…"
  const waveWidth = (await page.getByTestId('waveform').boundingBox())!.width;
  const duration = Math.max(...frags.map((f) => f.end));
  let captioned = 0;
  for (const f of frags) {
    const label = page.getByTestId(`wave-caption-${f.id}`);
    await expect(label).toBeAttached();
    const regionPx = ((f.end - f.begin) * waveWidth) / duration;
    if (regionPx < 120) continue;
    await expect(label).toBeVisible();
    const text = (await label.textContent())!;
    expect(text.startsWith(`${f.position + 1} `), `"${text}" starts with the number ${f.position + 1}`).toBe(true);
    const words = text.slice(String(f.position + 1).length + 1).replace(/…$/, '');
    expect(words.length).toBeGreaterThan(3);
    expect(f.text.replace(/\s+/g, ' ').startsWith(words), `"${words}" begins the paragraph`).toBe(true);
    // the caption stays inside its region
    const lb = (await label.boundingBox())!;
    const rb = (await page.getByTestId(`region-${f.id}`).boundingBox())!;
    expect(lb.x + lb.width).toBeLessThanOrEqual(rb.x + rb.width + 0.5);
    captioned++;
  }
  expect(captioned).toBeGreaterThan(0);

  // a boundary between two paragraphs: a ≤ 2 px line, a grab area ≥ 10 px that straddles it
  const f = frags[1]!;
  const handle = page.getByTestId(`region-end-${f.id}`);
  const box = (await handle.boundingBox())!;
  expect(box.width).toBeGreaterThanOrEqual(10);
  const rb = (await page.getByTestId(`region-${f.id}`).boundingBox())!;
  expect(box.x).toBeLessThan(rb.x + rb.width);
  expect(box.x + box.width).toBeGreaterThan(rb.x + rb.width);
  const look = await handle.evaluate((el) => {
    const s = getComputedStyle(el);
    return { border: [s.borderLeftWidth, s.borderRightWidth], size: s.backgroundSize, image: s.backgroundImage, bg: s.backgroundColor };
  });
  expect(look.border).toEqual(['0px', '0px']);
  expect(look.image).toContain('gradient');
  expect(parseFloat(look.size)).toBeLessThanOrEqual(2);
  expect(parseFloat(look.size)).toBeGreaterThan(0);
  expect(look.bg).toBe('rgba(0, 0, 0, 0)');
  await page.getByRole('region', { name: 'Waveform' }).screenshot({ path: '/tmp/shots/wave-overview.png' });
});

test('the pause band: off by default, on with its toggle, kept across a reload', async ({ page }) => {
  const { audioFileId } = chapterRows(chapterId);
  const res = await page.request.get(`/api/audio/${audioFileId}/pauses`);
  const { pauses } = (await res.json()) as { pauses: Array<{ begin: number; end: number }> };
  expect(pauses.length).toBeGreaterThan(0);

  await openEditor(page, chapterId);
  const toggle = page.getByRole('checkbox', { name: 'Pause band' });
  await expect(toggle).not.toBeChecked();
  await expect(page.getByTestId('pause-band')).toHaveCount(0);
  await toggle.check();
  const band = page.getByTestId('pause-band');
  await expect(band).toBeAttached();
  const spans = await band.evaluate((el) => Array.from(el.children, (c) => (c as HTMLElement).getBoundingClientRect().width));
  expect(spans.length).toBeGreaterThan(0);
  expect(spans.length).toBeLessThanOrEqual(pauses.length);
  expect(spans.every((w) => w > 0)).toBe(true);
  await page.getByRole('region', { name: 'Waveform' }).screenshot({ path: '/tmp/shots/wave-pauses.png' });

  await page.reload();
  await expectEditorReady(page);
  await expect(page.getByRole('checkbox', { name: 'Pause band' })).toBeChecked();
  await expect(page.getByTestId('pause-band')).toBeAttached();
  await page.getByRole('checkbox', { name: 'Pause band' }).uncheck();
  await expect(page.getByTestId('pause-band')).toHaveCount(0);
});

test('the spectrogram at the whole-chapter zoom (stored at ingest) and zoomed in (every frame), in a readable palette', async ({ page }) => {
  await openEditor(page, chapterId);
  const storedOverview = page.waitForResponse((r) => /\/api\/audio\/[^/]+\/spectrogram$/.test(new URL(r.url()).pathname));
  await page.getByRole('checkbox', { name: 'Spectrogram' }).check();
  const canvas = page.getByTestId('spectrogram');
  expect((await storedOverview).status()).toBe(200);
  await expect(canvas).toHaveAttribute('data-state', 'drawn', { timeout: 30_000 });
  await expect(canvas).toHaveAttribute('data-mode', 'overview');
  await expect(canvas).toHaveAttribute('data-source', 'stored');
  await expect(page.getByText(/^Overview: computed once per file/)).toBeVisible();
  await expect(page.getByText(/Zoom in to 30 s or less to see/)).toHaveCount(0);
  // drawn: many colours, not one flat fill
  const colours = () =>
    canvas.evaluate((el) => {
      const c = el as HTMLCanvasElement;
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      const seen = new Set<number>();
      for (let i = 0; i < d.length; i += 4 * 7) seen.add((d[i]! << 16) | (d[i + 1]! << 8) | d[i + 2]!);
      return seen.size;
    });
  expect(await colours()).toBeGreaterThan(50);
  await page.getByRole('region', { name: 'Waveform' }).screenshot({ path: '/tmp/shots/wave-spectrogram-stored.png' });
  const { frags } = chapterRows(chapterId);
  const f = frags[1]!;
  const overviewCaption = (await page.getByTestId(`wave-caption-${f.id}`).textContent())!;

  // zoomed in to ~5 s in view: the detailed one
  const waveWidth = (await page.getByTestId('waveform').boundingBox())!.width;
  await page.getByLabel('Zoom', { exact: true }).fill(String(Math.log(waveWidth / 5)));
  await expect(canvas).toHaveAttribute('data-mode', 'detailed', { timeout: 30_000 });
  await expect(canvas).toHaveAttribute('data-state', 'drawn', { timeout: 30_000 });
  await expect(canvas).toHaveAttribute('data-source', 'pcm');
  await expect(page.getByText(/^Overview:/)).toHaveCount(0);
  expect(await colours()).toBeGreaterThan(50);
  // the second paragraph brought into view: its caption has room for at least the words of the whole-chapter zoom
  await page.getByRole('listbox', { name: 'Paragraphs' }).getByRole('option').nth(f.position).click();
  const caption = page.getByTestId(`wave-caption-${f.id}`);
  await expect(caption).toBeVisible();
  await expect(canvas).toHaveAttribute('data-state', 'drawn', { timeout: 30_000 });
  const zoomedCaption = (await caption.textContent())!;
  expect(zoomedCaption.startsWith(`${f.position + 1} `)).toBe(true);
  expect(zoomedCaption.length).toBeGreaterThanOrEqual(overviewCaption.length);
  await page.getByRole('region', { name: 'Waveform' }).screenshot({ path: '/tmp/shots/wave-zoomed.png' });
});

test('a file ingested before overviews were stored: the route says 404 and the overview is sampled from the PCM', async ({ page }) => {
  const { audioFileId } = chapterRows(chapterId);
  const { bookId } = queryOne<{ bookId: string }>('SELECT bookId FROM AudioFile WHERE id = ?', audioFileId)!;
  const file = path.join(process.env.E2E_DATA_DIR!, 'files', 'books', bookId, 'audio', audioFileId, 'spectrogram.bin');
  expect(existsSync(file)).toBe(true);
  rmSync(file);
  await openEditor(page, chapterId);
  const storedOverview = page.waitForResponse((r) => /\/api\/audio\/[^/]+\/spectrogram$/.test(new URL(r.url()).pathname));
  await page.getByRole('checkbox', { name: 'Spectrogram' }).check();
  expect((await storedOverview).status()).toBe(404);
  const canvas = page.getByTestId('spectrogram');
  await expect(canvas).toHaveAttribute('data-state', 'drawn', { timeout: 30_000 });
  await expect(canvas).toHaveAttribute('data-source', 'sampled');
  await expect(page.getByText(/^Overview: a 64 ms glimpse per column \(this file was ingested before/)).toBeVisible();
  await page.getByRole('region', { name: 'Waveform' }).screenshot({ path: '/tmp/shots/wave-spectrogram-overview.png' });
});
