import path from 'node:path';
import { describe, expect, it } from 'vitest';
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
});
