import { describe, expect, it } from 'vitest';
import { speechExampleByteLength } from '../corpus/speech-example.ts';
import { TFRECORD_OVERHEAD } from '../corpus/tfrecord-writer.ts';
import { speechExampleFields, t2tExampleFields, t2tTargets } from './example-fields.ts';
import { parseExportSettings, type ExportSettingsInput } from './export-settings.ts';
import { planExport } from './plan-export.ts';
import type { ExampleMeta, Selection } from './select-examples.ts';

const chapters: Selection['chapters'] = [
  { id: 'c1', bookId: 'b1', position: 0, title: 'Uno', pcmKey: 'pcm/c1.wav', speakerId: 'ana' },
  { id: 'c2', bookId: 'b1', position: 1, title: 'Dos', pcmKey: 'pcm/c2.wav', speakerId: 'ana' },
  { id: 'c3', bookId: 'b2', position: 0, title: null, pcmKey: 'pcm/c3.wav', speakerId: 'luis' },
];

function example(i: number, chapterIndex: number, split: ExampleMeta['split']): ExampleMeta {
  const ch = chapters[chapterIndex]!;
  return {
    id: `f${i}`,
    fragmentId: `f${i}`,
    utterance: i,
    split,
    bookId: ch.bookId,
    chapterId: ch.id,
    chapterIndex,
    position: i,
    speakerId: ch.speakerId,
    pcmKey: ch.pcmKey,
    begin: i,
    end: i + 1,
    limits: {},
    start: i * 16_000,
    stop: (i + 1) * 16_000,
    text: `texto ${i}`,
    textOriginal: `Texto ${i}.`,
    targets: [3, 4, 5],
    confidence: 0.9,
    status: 'approved',
  };
}

// chapter 2 comes before chapter 0 in the input: the plan still processes chapters in export order
const examples = [example(0, 2, 'train'), example(1, 0, 'train'), example(2, 0, 'dev'), example(3, 0, 'train'), example(4, 1, 'test'), example(5, 1, 'train')];
const sel = { examples, chapters, vocab: ['<blank>', '<space>', 'a'] };
const settingsOf = (extra: Partial<ExportSettingsInput> = {}) => parseExportSettings({ projectId: 'p', ...extra });
const recordBytes = (e: ExampleMeta) => speechExampleByteLength({ ...speechExampleFields(e), numSamples: e.stop - e.start }) + TFRECORD_OVERHEAD;

describe('planExport', () => {
  it('numbers speakers and chapters in export order and gives each example its LibriSpeech paths', () => {
    const plan = planExport(sel, settingsOf());
    expect(Object.fromEntries(plan.speakerNo)).toEqual({ ana: 1, luis: 2 });
    expect(Object.fromEntries(plan.chapterNo)).toEqual({ c1: 1, c2: 2, c3: 3 });
    expect(plan.examples[0]).toMatchObject({ uttId: '2-3-0000', flac: 'librispeech/train/2/3/2-3-0000.flac', transcript: 'librispeech/train/2/3/2-3.trans.txt' });
    expect(plan.examples[4]).toMatchObject({ uttId: '1-2-0004', flac: 'librispeech/test/1/2/1-2-0004.flac' });
    expect(plan.totalSamples).toBe(6 * 16_000);
  });

  it('leaves out the LibriSpeech paths when that format is not wanted', () => {
    const plan = planExport(sel, settingsOf({ formats: ['tfrecord'] }));
    expect(plan.examples.every((e) => e.uttId === undefined && e.flac === undefined)).toBe(true);
  });

  it('groups the examples by chapter, chapters in export order, examples in input order', () => {
    const plan = planExport(sel, settingsOf());
    expect(plan.byChapter.map((c) => [c.chapterIndex, c.examples.map((e) => e.id)])).toEqual([
      [0, ['f1', 'f2', 'f3']],
      [1, ['f4', 'f5']],
      [2, ['f0']],
    ]);
  });

  it('plans the shards of each split from exact record sizes; the last example of a shard closes it', () => {
    // a target of two TFRecord records: train's four examples go into two shards (t2t's float samples are
    // twice the size of the WAV's int16: one record a shard)
    const shardMB = (2 * recordBytes(examples[0]!)) / 1e6;
    const plan = planExport(sel, settingsOf({ shardMB, t2t: true, gzip: true }));
    expect(plan.shardGroups.map((g) => [g.format, g.split, g.shards.map((s) => s.file)])).toEqual([
      ['tfrecord', 'train', ['tfrecord/train-00000-of-00002.tfrecord.gz', 'tfrecord/train-00001-of-00002.tfrecord.gz']],
      ['t2t', 'train', [0, 1, 2, 3].map((i) => `tfrecord-t2t/alinea_speech-train-0000${i}-of-00004`)],
      ['tfrecord', 'dev', ['tfrecord/dev-00000-of-00001.tfrecord.gz']],
      ['t2t', 'dev', ['tfrecord-t2t/alinea_speech-dev-00000-of-00001']],
      ['tfrecord', 'test', ['tfrecord/test-00000-of-00001.tfrecord.gz']],
      ['t2t', 'test', ['tfrecord-t2t/alinea_speech-test-00000-of-00001']],
    ]);
    const train = plan.examples.filter((e) => e.split === 'train');
    const first = 'tfrecord/train-00000-of-00002.tfrecord.gz';
    const second = 'tfrecord/train-00001-of-00002.tfrecord.gz';
    expect(train.map((e) => [e.id, e.tf!.shard.file, e.tf!.last])).toEqual([
      ['f0', first, false],
      ['f1', first, true],
      ['f3', second, false],
      ['f5', second, true],
    ]);
    expect(train[0]!.tf!.shard.bytes).toBe(recordBytes(train[0]!) + recordBytes(train[1]!));
    expect(plan.examples.find((e) => e.split === 'dev')!.t2t).toMatchObject({ last: true, shard: { file: 'tfrecord-t2t/alinea_speech-dev-00000-of-00001' } });
  });

  it('plans no shards for formats not wanted', () => {
    const plan = planExport(sel, settingsOf({ formats: ['librispeech'], t2t: false }));
    expect(plan.shardGroups).toEqual([]);
    expect(plan.examples.every((e) => e.tf === undefined && e.t2t === undefined)).toBe(true);
  });

  it('fingerprints what decides the bytes: same inputs, same print; another setting or text, another', () => {
    const a = planExport(sel, settingsOf()).fingerprint;
    expect(planExport(sel, settingsOf()).fingerprint).toBe(a);
    expect(planExport({ ...sel, examples }, parseExportSettings({ projectId: 'another project' })).fingerprint).toBe(a);
    expect(planExport(sel, settingsOf({ padMs: 50 })).fingerprint).not.toBe(a);
    expect(planExport({ ...sel, examples: [{ ...examples[0]!, text: 'otro' }, ...examples.slice(1)] }, settingsOf()).fingerprint).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('example fields', () => {
  it('are the fields the encoders take, the review status as reviewStatus', () => {
    expect(speechExampleFields(examples[1]!)).toEqual({
      id: 'f1',
      sampleRate: 16_000,
      text: 'texto 1',
      textOriginal: 'Texto 1.',
      targets: [3, 4, 5],
      speakerId: 'ana',
      bookId: 'b1',
      chapterId: 'c1',
      confidence: 0.9,
      reviewStatus: 'approved',
    });
    expect(t2tExampleFields(examples[1]!)).toEqual({ id: 'f1', text: 'texto 1', targets: [5, 6, 7, 1], speakerId: 'ana' });
    expect(t2tTargets([])).toEqual([1]);
  });
});
