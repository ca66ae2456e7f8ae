import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getStorage } from '../storage/storage.ts';
import { loadSplitRegistry, saveSplitRegistry } from './split-registry.ts';
import { useTestEnv } from '../testing/use-test-env.ts';
import { parseExportSettings } from './export-settings.ts';
import { selectExamples } from './select-examples.ts';
import { runExport } from './run-export.ts';
import { seedExportCorpus } from '../testing/seed-export-corpus.ts';

const env = useTestEnv();

describe('split assignment across exports', () => {
  it('balances hours and keeps earlier groups in their split when a book is added', async () => {
    const { projectId, books } = await seedExportCorpus({ projectName: 'registry', books: 6, chaptersPerBook: 2 });
    const base = { projectId, group: 'chapter', formats: ['tfrecord'], statuses: ['approved', 'edited', 'auto', 'rejected'] };
    const firstFive = parseExportSettings({ ...base, bookIds: books.slice(0, 5).map((b) => b.id) });
    const first = await selectExamples(firstFive);
    await runExport({ settings: firstFive, dir: path.join(env.dataDir, 'exports', 'first') });

    const all = parseExportSettings(base);
    const second = await selectExamples(all);
    for (const [key, split] of first.groups) expect(second.groups.get(key)).toBe(split);
    expect(second.groups.size).toBe(first.groups.size + 2);
    // every split gets hours, and no chapter straddles splits
    const hours = { train: 0, dev: 0, test: 0 };
    for (const e of second.examples) hours[e.split] += (e.stop - e.start) / 16000;
    expect(hours.dev).toBeGreaterThan(0);
    expect(hours.test).toBeGreaterThan(0);
    expect(hours.train).toBeGreaterThan(hours.dev + hours.test);
    const splitOfChapter = new Map<string, string>();
    for (const e of second.examples) {
      expect(splitOfChapter.get(e.chapterId) ?? e.split).toBe(e.split);
      splitOfChapter.set(e.chapterId, e.split);
    }
    // the same settings again: the same assignment
    const again = await selectExamples(all);
    expect([...again.groups]).toEqual([...second.groups]);
  });

  it('is kept in storage (splits/<hash>.json); one left in the data directory by an older version is read, then moved', async () => {
    const key = { projectId: 'p-legacy', group: 'chapter' as const, seed: 7, ratios: { train: 80, dev: 10, test: 10 } };
    expect(await loadSplitRegistry(key)).toEqual(new Map());
    const before = new Set((await getStorage().list('splits')).map((e) => e.key));
    await saveSplitRegistry(key, new Map([['c1', 'train']]));
    const added = (await getStorage().list('splits')).map((e) => e.key).filter((k) => !before.has(k));
    expect(added).toEqual([expect.stringMatching(/^splits\/[0-9a-f]{24}\.json$/)]);
    expect(await loadSplitRegistry(key)).toEqual(new Map([['c1', 'train']]));

    // as an older version left it: only under <dataDir>/splits
    const body = await getStorage().readAll(added[0]!);
    await getStorage().delete(added[0]!);
    const legacyFile = path.join(env.dataDir, 'splits', path.posix.basename(added[0]!));
    await mkdir(path.dirname(legacyFile), { recursive: true });
    await writeFile(legacyFile, body);
    expect(await loadSplitRegistry(key)).toEqual(new Map([['c1', 'train']]));
    await saveSplitRegistry(key, new Map([['c2', 'test']]));
    expect(existsSync(legacyFile)).toBe(false);
    expect(JSON.parse((await getStorage().readAll(added[0]!)).toString('utf8')).groups).toEqual({ c1: 'train', c2: 'test' });
  });
});
