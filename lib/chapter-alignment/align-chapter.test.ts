// alignChapter on a real chapter (the demo book's espeak-ng reading, through ingest and the split): every
// paragraph's sentences are stored with it, ordered, inside the paragraph, the first and last on its edges;
// reviewed paragraphs are not touched.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTestEnv } from '../testing/use-test-env.ts';
import { getDb } from '../db/client.ts';
import { writeDemoFiles } from '../demo/write-demo-files.ts';
import { DEMO_CHAPTERS } from '../demo/demo-book.ts';
import { importBook } from '../ingest/import-book.ts';
import { createJobRegistry } from '../jobs/create-job-registry.ts';
import { ingestAudioJob, ingestEbookJob } from '../ingest/book-jobs.ts';
import { alignChapterJob } from './chapter-jobs.ts';
import { sentenceTexts } from './build-sentences.ts';
import { parseFragmentSentences } from './fragment-sentences.ts';
import { alignChapter } from './align-chapter.ts';

const registry = createJobRegistry([ingestAudioJob, ingestEbookJob, alignChapterJob]);

useTestEnv();

const ctx = () => ({ progress: () => undefined, signal: new AbortController().signal, isFinalAttempt: true });

describe('alignChapter', () => {
  it('stores each paragraph’s sentences with ordered times inside the paragraph; reviewed paragraphs keep theirs', async () => {
    const files = await writeDemoFiles(await mkdtemp(path.join(tmpdir(), 'alinea-align-chapter-')));
    const summary = await importBook({ registry, project: 'Align chapter', audio: files.audio, text: files.text });
    const db = getDb();
    const chapter = await db.chapter.findFirstOrThrow({ where: { bookId: summary.bookId, position: 0 }, include: { fragments: { orderBy: { position: 'asc' } } } });
    expect(chapter.fragments.map((f) => f.text)).toEqual([DEMO_CHAPTERS[0]!.heading, ...DEMO_CHAPTERS[0]!.paragraphs]);
    // a reviewer already approved the last paragraph (no times yet): the aligner must leave it alone
    const last = chapter.fragments.at(-1)!;
    await db.fragment.update({ where: { id: last.id }, data: { status: 'approved' } });

    await alignChapter(chapter.id, ctx());

    const frags = await db.fragment.findMany({ where: { chapterId: chapter.id }, orderBy: { position: 'asc' } });
    const aligned = frags.filter((f) => f.status === 'auto');
    expect(aligned).toHaveLength(frags.length - 1);
    let multi = 0;
    for (const f of aligned) {
      const sentences = parseFragmentSentences(f.sentences)!;
      expect(sentences.map((s) => s.text)).toEqual(sentenceTexts(f.text, 'spa'));
      expect(sentences[0]!.begin).toBe(f.begin);
      expect(sentences.at(-1)!.end).toBe(f.end);
      for (const [k, s] of sentences.entries()) {
        expect(s.end).toBeGreaterThanOrEqual(s.begin);
        expect(s.begin).toBeGreaterThanOrEqual(f.begin!);
        expect(s.end).toBeLessThanOrEqual(f.end!);
        if (k > 0) expect(s.begin).toBeGreaterThanOrEqual(sentences[k - 1]!.end);
        expect(s.normText.length).toBeGreaterThan(0);
        // the aligner's confidence for the sentence (a one-sentence paragraph's is the paragraph's)
        expect(s.confidence).toBeGreaterThanOrEqual(0);
        expect(s.confidence).toBeLessThanOrEqual(1);
      }
      if (sentences.length === 1) expect(sentences[0]!.confidence).toBe(f.confidence);
      if (sentences.length > 1) {
        multi++;
        // a real boundary inside: every sentence keeps some audio
        for (const s of sentences) expect(s.end - s.begin).toBeGreaterThan(0.3);
      }
    }
    expect(multi).toBe(2); // "En una isla … torre para encender la luz." and "El Sr. Tomás … nadie."
    // the Spanish transcript of each sentence, as the paragraph's
    const tomas = parseFragmentSentences(aligned[2]!.sentences)!;
    expect(tomas.map((s) => s.normText)).toEqual([
      'el señor tomás tenía sesenta y dos años y una barca vieja',
      'los pescadores decían que conocía el mar mejor que nadie',
    ]);
    // the approved paragraph: untouched (no times, no sentences, no align revision)
    const kept = frags.at(-1)!;
    expect([kept.begin, kept.end, kept.sentences, kept.version]).toEqual([null, null, null, last.version]);
    // the align revision records the sentences
    const rev = await db.fragmentRevision.findFirstOrThrow({ where: { fragmentId: aligned[2]!.id, reason: 'align' } });
    expect(JSON.parse(rev.after).sentences).toHaveLength(2);
  });
});
