import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { useTestEnv } from '../testing/use-test-env.ts';
import { getDb } from '../db/client.ts';
import { seedExportCorpus } from '../testing/seed-export-corpus.ts';

const run = promisify(execFile);

describe('alinea export (CLI)', () => {
  const env = useTestEnv();

  it('exports a project by name and prints a one-line JSON summary', async () => {
    const { projectId } = await seedExportCorpus({ projectName: 'Corpus CLI' });
    const out = path.join(env.dataDir, 'cli-out');
    const { stdout } = await run(
      process.execPath,
      ['bin/alinea.mjs', 'export', 'Corpus CLI', '--out', out, '--split', '50/25/25', '--group', 'fragment', '--seed', '3', '--status', 'approved,edited', '--t2t', '--gzip'],
      { env: { ...process.env, ALINEA_DATA_DIR: env.dataDir, DATABASE_URL: `file:${path.join(env.dataDir, 'alinea.db')}` } },
    );
    const lines = stdout.trim().split('\n');
    expect(lines.length).toBe(1);
    const summary = JSON.parse(lines[0]!);
    expect(summary).toMatchObject({ examples: 20, shards: expect.any(Number), seconds: expect.any(Number) });
    expect(Object.keys(summary.splits)).toEqual(['train', 'dev', 'test']);
    const ds = JSON.parse(await readFile(path.join(out, 'dataset.json'), 'utf8'));
    expect(ds.settings).toMatchObject({ projectId, group: 'fragment', seed: 3, gzip: true, t2t: true, ratios: { train: 50, dev: 25, test: 25 } });
    expect(ds.settings.filters.statuses).toEqual(['approved', 'edited']);
    expect(ds.shards.some((s: { file: string }) => s.file.endsWith('.tfrecord.gz'))).toBe(true);
    expect(await getDb().export.count()).toBe(0);

    await expect(run(process.execPath, ['bin/alinea.mjs', 'export', 'Nope', '--out', out], { env: { ...process.env, ALINEA_DATA_DIR: env.dataDir } })).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/No project named "Nope"/),
    });
  }, 60_000);

  it('--unit sentence: one example per sentence, recorded in the summary and dataset.json', async () => {
    await seedExportCorpus({ projectName: 'Corpus CLI sentences', books: 1, chaptersPerBook: 1 });
    const out = path.join(env.dataDir, 'cli-sentences');
    const { stdout } = await run(process.execPath, ['bin/alinea.mjs', 'export', 'Corpus CLI sentences', '--out', out, '--unit', 'sentence', '--formats', 'tfrecord'], {
      env: { ...process.env, ALINEA_DATA_DIR: env.dataDir, DATABASE_URL: `file:${path.join(env.dataDir, 'alinea.db')}` },
    });
    // the seeded paragraphs are one sentence each (no stored sentences): one example each, ids <fragment>.s1
    const summary = JSON.parse(stdout.trim());
    expect(summary).toMatchObject({ unit: 'sentence', examples: 4 });
    const ds = JSON.parse(await readFile(path.join(out, 'dataset.json'), 'utf8'));
    expect(ds.unit).toBe('sentence');
    await expect(
      run(process.execPath, ['bin/alinea.mjs', 'export', 'Corpus CLI sentences', '--out', `${out}-x`, '--unit', 'word'], { env: { ...process.env, ALINEA_DATA_DIR: env.dataDir, DATABASE_URL: `file:${path.join(env.dataDir, 'alinea.db')}` } }),
    ).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/unit/) });
  }, 60_000);
});
