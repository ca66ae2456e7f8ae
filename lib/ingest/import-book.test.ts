// The whole ingestion path on real files: espeak-ng audio, ffmpeg, the ebook pipeline, the split, chapters.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestEnv } from '../testing/use-test-env.ts';
import { getDb } from '../db/client.ts';
import { getStorage } from '../storage/storage.ts';
import { writeDemoFiles } from '../demo/write-demo-files.ts';
import { DEMO_CHAPTERS } from '../demo/demo-book.ts';
import { readPeaks } from '../audio/peaks-file.ts';
import { openWav } from '../audio/wav-reader.ts';
import { importBook } from './import-book.ts';
import { createJobRegistry } from '../jobs/create-job-registry.ts';
import { ingestAudioJob, ingestEbookJob } from './book-jobs.ts';
import { alignChapterJob } from '../chapter-alignment/chapter-jobs.ts';

const registry = createJobRegistry([ingestAudioJob, ingestEbookJob, alignChapterJob]);

useTestEnv();
let files: { audio: string[]; text: string };
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'alinea-import-'));
  files = await writeDemoFiles(dir);
});

describe('importBook', () => {
  it('ingests 3 audio files and the ebook and makes 3 chapters of paragraphs', async () => {
    const summary = await importBook({ registry, project: 'Import test', audio: [...files.audio].reverse(), text: files.text });
    expect(summary.failedAudio).toEqual([]);
    expect(summary.ebookError).toBeNull();
    expect(summary.split).toBe('accepted');
    expect(summary.title).toBe('El faro de la isla'); // from the ebook's Gutenberg header, not the file name
    expect(summary.chapters).toBe(3);
    expect(summary.fragments).toBe(DEMO_CHAPTERS.reduce((n, c) => n + c.paragraphs.length + 1, 0));

    const db = getDb();
    const audio = await db.audioFile.findMany({ where: { bookId: summary.bookId }, orderBy: { position: 'asc' } });
    expect(audio.map((a) => a.originalName)).toEqual(files.audio.map((f) => path.basename(f)));
    for (const a of audio) {
      expect(a.status).toBe('ready');
      expect(a.codec).toBe('mp3');
      expect(a.sampleRate).toBe(44100);
      expect(a.loudnessLufs).toBeLessThan(-5);
      expect(a.loudnessLufs).toBeGreaterThan(-40);
      const wav = await openWav(getStorage().localPath(a.pcmKey!));
      expect(wav.sampleRate).toBe(16000);
      expect(wav.channels).toBe(1);
      expect(wav.bitsPerSample).toBe(16);
      expect(Math.abs(wav.samples / 16000 - a.durationSec!)).toBeLessThan(0.1);
      expect(a.pcmSamples).toBe(wav.samples);
      const peaks = await readPeaks(getStorage().localPath(a.peaksKey!));
      expect(peaks.samplesPerPeak).toBe(160);
      expect(peaks.peaks.length / 2).toBeCloseTo(wav.samples / 160, -1);
    }
    // the original stays beside the derived files
    expect(existsSync(getStorage().localPath(audio[0]!.originalKey))).toBe(true);
    expect(statSync(getStorage().localPath(audio[0]!.originalKey)).size).toBe(audio[0]!.size);

    const chapters = await db.chapter.findMany({
      where: { bookId: summary.bookId },
      orderBy: { position: 'asc' },
      include: { fragments: { orderBy: { position: 'asc' } } },
    });
    for (const [i, c] of chapters.entries()) {
      expect(c.audioFileId).toBe(audio[i]!.id);
      expect(c.fragments.map((f) => f.text)).toEqual([DEMO_CHAPTERS[i]!.heading, ...DEMO_CHAPTERS[i]!.paragraphs]);
      // the ebook's heading is a fragment of kind heading; the rest are paragraphs
      expect(c.fragments.map((f) => f.kind)).toEqual(['heading', ...DEMO_CHAPTERS[i]!.paragraphs.map(() => 'paragraph')]);
    }
    // Spanish normalisation of the transcript (abbreviation, number, roman numeral)
    expect(chapters[0]!.fragments[2]!.normText).toBe('el señor tomás tenía sesenta y dos años y una barca vieja los pescadores decían que conocía el mar mejor que nadie');
    expect(chapters[2]!.fragments[1]!.normText).toContain('durante el siglo diecinueve');
    // alignment is queued for the worker
    expect(await db.job.count({ where: { bookId: summary.bookId, type: 'align-chapter', status: 'queued' } })).toBe(3);
    expect(await db.job.count({ where: { bookId: summary.bookId, type: { not: 'align-chapter' }, status: { not: 'succeeded' } } })).toBe(0);
  });

  it('with align, aligns every chapter: ordered times inside the audio, the spoken intro left out', async () => {
    const summary = await importBook({ registry, project: 'Import test', audio: files.audio, text: files.text, align: true });
    expect(summary.aligned).toBe(3);
    expect(summary.failedChapters).toEqual([]);
    const chapters = await getDb().chapter.findMany({
      where: { bookId: summary.bookId },
      orderBy: { position: 'asc' },
      include: { audioFile: true, fragments: { orderBy: { position: 'asc' } } },
    });
    for (const c of chapters) {
      expect(c.alignStatus).toBe('aligned');
      expect(c.meanConfidence).toBeGreaterThan(0);
      let last = 0;
      for (const f of c.fragments) {
        expect(f.begin).not.toBeNull();
        expect(f.begin!).toBeGreaterThanOrEqual(last - 1e-6);
        expect(f.end!).toBeGreaterThan(f.begin!);
        expect(f.end!).toBeLessThanOrEqual(c.audioFile.durationSec! + 1e-6);
        expect(f.confidence).toBeGreaterThanOrEqual(0);
        expect(f.confidence).toBeLessThanOrEqual(1);
        expect(f.version).toBe(2);
        expect(f.flag).toBeNull(); // nothing skipped or added in the demo reading
        last = f.end!;
      }
      // the outro "Fin del capítulo N" is not in the text
      expect(c.tailSec!).toBeLessThan(c.audioFile.durationSec! - 0.8);
    }
    // chapter 1 starts with a spoken LibriVox intro (~4 s) that is not in the text
    expect(chapters[0]!.fragments[0]!.begin!).toBeGreaterThan(3);
    const revisions = await getDb().fragmentRevision.count({ where: { fragment: { chapterId: chapters[0]!.id }, reason: 'align' } });
    expect(revisions).toBe(chapters[0]!.fragments.length);
  });

  it('names a corrupt audio file, keeps the good ones, and proposes the split over the good ones', async () => {
    const corrupt = path.join(dir, 'roto_02.mp3');
    await writeFile(corrupt, Buffer.from('ID3 this is not an mp3 stream '.repeat(100)));
    const summary = await importBook({ registry, project: 'Import test', audio: [files.audio[0]!, corrupt], text: files.text, accept: false });
    expect(summary.failedAudio).toHaveLength(1);
    expect(summary.failedAudio[0]!.file).toBe('roto_02.mp3');
    expect(summary.failedAudio[0]!.error).toContain('roto_02.mp3');
    const audio = await getDb().audioFile.findMany({ where: { bookId: summary.bookId }, orderBy: { position: 'asc' } });
    expect(audio.map((a) => a.status)).toEqual(['ready', 'failed']);
    expect(summary.split).toBe('proposed');
    const job = await getDb().job.findFirstOrThrow({ where: { bookId: summary.bookId, status: 'failed' } });
    expect(job.attempts).toBe(1); // a bad file is not retried
  });
});
