// Export with unit 'sentence' against a real SQLite file and real WAVs: every sentence of a selected paragraph
// is one example (own id, audio cut, transcript; the paragraph's speaker, chapter, book and status), duration
// filters judge each sentence, so a 45 s paragraph yields its sentences instead of being dropped.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTestEnv } from '../testing/use-test-env.ts';
import { decodeSpeechExample } from '../corpus/speech-example.ts';
import { readTFRecords } from '../corpus/tfrecord-reader.ts';
import { parseExportSettings } from './export-settings.ts';
import { runExport, type ShardInfo } from './run-export.ts';
import { seedExportCorpus, sentence, syntheticSample, type SeedFragmentSpec } from '../testing/seed-export-corpus.ts';
import { selectExamples } from './select-examples.ts';
import { verifyExportDir } from './verify-export-dir.ts';

const SR = 16_000;

/** Per chapter: a 45 s paragraph of three sentences, a short one without stored sentences, an unreviewed one,
 * and one whose first sentence is too short for the filter. */
function fragments(book: number, chapter: number): SeedFragmentSpec[] {
  const s = (k: number, words: number) => sentence(book * 1000 + chapter * 100 + k, words);
  const o = chapter * 0.25; // chapters differ a little
  return [
    { begin: 0.5, end: 45.5, status: 'approved', confidence: 0.9, text: '', sentences: [{ text: s(1, 12), begin: 0.5, end: 12 + o }, { text: s(2, 20), begin: 12 + o, end: 30 }, { text: s(3, 15), begin: 30, end: 45.5 }] },
    { begin: 46, end: 50, status: 'approved', confidence: 0.8, text: s(4, 6) },
    { begin: 50.5, end: 53, status: 'auto', confidence: 0.7, text: s(5, 4) },
    { begin: 53.5, end: 60, status: 'edited', confidence: 0.6, text: '', sentences: [{ text: s(6, 1), begin: 53.5, end: 54 }, { text: s(7, 9), begin: 54, end: 60 }] },
  ];
}

describe('runExport with unit sentence', () => {
  const env = useTestEnv();

  it('makes one example per sentence of the selected paragraphs, cut from the audio at the sentence times', async () => {
    const corpus = await seedExportCorpus({ books: 1, chaptersPerBook: 3, fragments });
    const base = { projectId: corpus.projectId, group: 'fragment', padMs: 100, shardMB: 0.5, filters: { statuses: ['approved', 'edited'] } } as const;

    // by paragraph the 45 s paragraphs are dropped (over 20 s)
    const byParagraph = await selectExamples(parseExportSettings(base));
    expect(byParagraph.examples.map((e) => e.id)).toEqual(corpus.books[0]!.chapters.flatMap((c) => [c.fragmentIds[1], c.fragmentIds[3]]));
    expect(byParagraph.excluded.duration).toBe(3);

    const settings = parseExportSettings({ ...base, unit: 'sentence' });
    const sel = await selectExamples(settings);
    // 3 + 1 + 1 per chapter (the 0.5 s sentence is too short); the unreviewed paragraph is not selected
    expect(sel.examples.map((e) => e.id)).toEqual(
      corpus.books[0]!.chapters.flatMap((c) => [`${c.fragmentIds[0]}.s1`, `${c.fragmentIds[0]}.s2`, `${c.fragmentIds[0]}.s3`, `${c.fragmentIds[1]}.s1`, `${c.fragmentIds[3]}.s2`]),
    );
    expect(sel.excluded.duration).toBe(3);
    // group 'fragment': the sentences of one paragraph share a split
    const splits = new Map<string, Set<string>>();
    for (const e of sel.examples) splits.set(e.fragmentId, (splits.get(e.fragmentId) ?? new Set()).add(e.split));
    for (const s of splits.values()) expect(s.size).toBe(1);

    const dir = path.join(env.dataDir, 'sentences');
    const stats = await runExport({ settings, dir });
    expect(stats.examples).toBe(15);
    const ds = JSON.parse(await readFile(path.join(dir, 'dataset.json'), 'utf8'));
    expect(ds.unit).toBe('sentence');
    expect(ds.settings.unit).toBe('sentence');

    const meta = new Map(sel.examples.map((e) => [e.id, e]));
    const seedOf = new Map(corpus.books[0]!.chapters.map((c) => [c.id, c.seed]));
    const seen = new Set<string>();
    for (const shard of (ds.shards as ShardInfo[]).filter((s) => s.format === 'tfrecord')) {
      for await (const rec of readTFRecords(path.join(dir, shard.file))) {
        const ex = decodeSpeechExample(rec);
        const m = meta.get(ex.id)!;
        expect(m).toBeDefined();
        seen.add(ex.id);
        // the sentence's own audio: padding stops at the neighbouring sentence (here: no room inside a paragraph)
        const before = m.limits.begin ?? 0;
        const after = m.limits.end ?? Infinity;
        const start = Math.max(Math.round(Math.max(m.begin - 0.1, before) * SR), 0);
        const stop = Math.round(Math.min(m.end + 0.1, after) * SR);
        expect(ex.numSamples).toBe(stop - start);
        expect(Math.abs(ex.numSamples / SR - (m.end - m.begin))).toBeLessThanOrEqual(0.2 + 1e-6);
        const seed = seedOf.get(m.chapterId)!;
        let same = true;
        for (let i = 0; i < ex.samples.length; i += 97) if (ex.samples[i] !== syntheticSample(seed, start + i)) same = false;
        expect(same).toBe(true);
        expect(ex.text).toBe(m.text);
        expect(ex.textOriginal).toBe(m.textOriginal);
        expect(ex.chapterId).toBe(m.chapterId);
        expect(ex.bookId).toBe(m.bookId);
        expect(ex.speakerId).toBe('lector-1');
        expect(ex.reviewStatus).toBe(m.fragmentId === corpus.books[0]!.chapters.find((c) => c.id === m.chapterId)!.fragmentIds[3] ? 'edited' : 'approved');
      }
    }
    expect(seen.size).toBe(15);
    // the sentence's transcript, not the paragraph's
    const first = meta.get(`${corpus.books[0]!.chapters[0]!.fragmentIds[0]}.s2`)!;
    expect(first.text).toBe(sentence(2, 20));
    expect(first.end - first.begin).toBe(18);

    // LibriSpeech: one FLAC per sentence, distinct utterance numbers per chapter
    const flacs = (await readdir(path.join(dir, 'librispeech'), { recursive: true })).filter((f) => f.endsWith('.flac'));
    expect(flacs).toHaveLength(15);
    expect(new Set(flacs.map((f) => path.basename(f))).size).toBe(15);
    expect(await verifyExportDir(dir)).toMatchObject({ ok: true, examples: 15, problems: [] });
  });

  it('judges and labels each sentence by its own confidence when stored, else by its paragraph\'s', async () => {
    const s = (k: number, words: number) => sentence(9000 + k, words);
    const corpus = await seedExportCorpus({
      books: 1,
      chaptersPerBook: 1,
      fragments: () => [
        // a confident paragraph with one badly aligned sentence, and one without sentence confidences
        { begin: 0.5, end: 30.5, status: 'approved', confidence: 0.9, text: '', sentences: [{ text: s(1, 12), begin: 0.5, end: 12, confidence: 0.95 }, { text: s(2, 12), begin: 12, end: 24, confidence: 0.2 }, { text: s(3, 8), begin: 24, end: 30.5 }] },
        { begin: 31, end: 43, status: 'approved', confidence: 0.4, text: '', sentences: [{ text: s(4, 8), begin: 31, end: 37 }, { text: s(5, 8), begin: 37, end: 43, confidence: 0.85 }] },
      ],
    });
    const [a, b] = corpus.books[0]!.chapters[0]!.fragmentIds;
    const base = { projectId: corpus.projectId, group: 'fragment', unit: 'sentence', filters: { statuses: ['approved'] } } as const;

    const all = await selectExamples(parseExportSettings(base));
    expect(all.examples.map((e) => [e.id, e.confidence])).toEqual([
      [`${a}.s1`, 0.95],
      [`${a}.s2`, 0.2],
      [`${a}.s3`, 0.9],
      [`${b}.s1`, 0.4],
      [`${b}.s2`, 0.85],
    ]);

    const filtered = await selectExamples(parseExportSettings({ ...base, filters: { ...base.filters, minConfidence: 0.5 } }));
    expect(filtered.examples.map((e) => e.id)).toEqual([`${a}.s1`, `${a}.s3`, `${b}.s2`]);
    expect(filtered.excluded.confidence).toBe(2);
  });
});
