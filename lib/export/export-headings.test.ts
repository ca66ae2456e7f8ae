// Headings ("CAPÍTULO I", Fragment.kind 'heading') are aligned and reviewed, but an export leaves them out unless
// includeHeadings (CLI --include-headings), and dataset.json / the preview / the CLI summary count them.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestEnv } from '../testing/use-test-env.ts';
import { seedExportCorpus, type SeedFragmentSpec } from '../testing/seed-export-corpus.ts';
import { parseExportSettings } from './export-settings.ts';
import { previewExport } from './preview-export.ts';
import { runExport } from './run-export.ts';
import { selectExamples } from './select-examples.ts';

const run = promisify(execFile);

const fragments = (): SeedFragmentSpec[] => [
  { begin: 0.5, end: 2.0, status: 'approved', confidence: 0.9, text: 'capítulo uno', kind: 'heading' },
  { begin: 2.4, end: 5.0, status: 'approved', confidence: 0.9, text: 'el sol salía sobre el mar' },
  { begin: 5.4, end: 8.0, status: 'approved', confidence: 0.9, text: 'la casa del molino estaba vacía' },
  // a heading of a status the export does not select is counted as that status, not as a heading
  { begin: 8.4, end: 10.0, status: 'auto', confidence: 0.9, text: 'capítulo dos', kind: 'heading' },
];

async function manifestIds(dir: string): Promise<string[]> {
  const ids: string[] = [];
  for (const split of ['train', 'dev', 'test']) {
    const text = await readFile(path.join(dir, 'manifests', `${split}.jsonl`), 'utf8');
    for (const line of text.split('\n').filter(Boolean)) ids.push((JSON.parse(line) as { id: string }).id);
  }
  return ids.sort();
}

describe('export of headings', () => {
  const env = useTestEnv();
  let corpus: Awaited<ReturnType<typeof seedExportCorpus>>;
  let heading: string;
  let paragraphs: string[];

  beforeAll(async () => {
    corpus = await seedExportCorpus({ projectName: 'Cuentos con títulos', books: 1, chaptersPerBook: 1, fragments });
    const ids = corpus.books[0]!.chapters[0]!.fragmentIds;
    heading = ids[0]!;
    paragraphs = [ids[1]!, ids[2]!];
  });

  it('leaves headings out by default and says how many in dataset.json and the preview', async () => {
    const settings = parseExportSettings({ projectId: corpus.projectId, group: 'fragment', padMs: 1000 });
    expect(settings.includeHeadings).toBe(false);
    const preview = await previewExport(settings);
    expect(preview.total.examples).toBe(2);
    expect(preview.excluded).toMatchObject({ heading: 1, status: 1, untimed: 0 });

    // the heading still bounds its neighbour's padding: the first paragraph starts no earlier than it ends
    const sel = await selectExamples(settings);
    const first = sel.examples.find((e) => e.fragmentId === paragraphs[0])!;
    expect(first.start).toBe(Math.round(2.0 * 16_000));

    const dir = path.join(env.dataDir, 'out-default');
    const stats = await runExport({ settings, dir });
    expect(stats.examples).toBe(2);
    expect(await manifestIds(dir)).toEqual([...paragraphs].sort());
    const ds = JSON.parse(await readFile(path.join(dir, 'dataset.json'), 'utf8'));
    expect(ds.excluded.heading).toBe(1);
    expect(ds.settings.includeHeadings).toBe(false);
  });

  it('includes them with includeHeadings', async () => {
    const settings = parseExportSettings({ projectId: corpus.projectId, group: 'fragment', includeHeadings: true });
    const dir = path.join(env.dataDir, 'out-headings');
    const stats = await runExport({ settings, dir });
    expect(stats.examples).toBe(3);
    expect(await manifestIds(dir)).toEqual([heading, ...paragraphs].sort());
    const ds = JSON.parse(await readFile(path.join(dir, 'dataset.json'), 'utf8'));
    expect(ds.excluded.heading).toBe(0);
    expect(ds.settings.includeHeadings).toBe(true);
  });

  it('alinea export --include-headings; the summary counts the headings left out', async () => {
    const cli = (out: string, ...flags: string[]) =>
      run(process.execPath, ['bin/alinea.mjs', 'export', 'Cuentos con títulos', '--out', out, '--group', 'fragment', ...flags], {
        env: { ...process.env, ALINEA_DATA_DIR: env.dataDir, DATABASE_URL: `file:${path.join(env.dataDir, 'alinea.db')}` },
      });
    const plain = JSON.parse((await cli(path.join(env.dataDir, 'cli-plain'))).stdout.trim());
    expect(plain).toMatchObject({ examples: 2, headingsLeftOut: 1 });
    const withHeadings = JSON.parse((await cli(path.join(env.dataDir, 'cli-headings'), '--include-headings')).stdout.trim());
    expect(withHeadings).toMatchObject({ examples: 3, headingsLeftOut: 0 });
    expect(await manifestIds(path.join(env.dataDir, 'cli-headings'))).toContain(heading);
  }, 60_000);
});
