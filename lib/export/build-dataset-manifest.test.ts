import { describe, expect, it } from 'vitest';
import { buildDatasetManifest, DATASET_SCHEMA_VERSION, type DatasetManifestInput } from './build-dataset-manifest.ts';
import { parseExportSettings, type ExportSettingsInput } from './export-settings.ts';
import type { ShardInfo } from './write-export-files.ts';

const stat = (examples: number) => ({ examples, seconds: examples * 2, hours: 0, speakers: 1 });
const shards: ShardInfo[] = [{ file: 'tfrecord/train-00000-of-00001.tfrecord', format: 'tfrecord', split: 'train', examples: 3, bytes: 900, sha256: 'ab' }];

function input(extra: Partial<ExportSettingsInput> = {}): DatasetManifestInput {
  return {
    project: { id: 'p1', name: 'Cuentos' },
    settings: parseExportSettings({ projectId: 'p1', ...extra }),
    selection: {
      books: [{ id: 'b1', title: 'Libro', speakerId: 'ana' }],
      chapters: [
        { id: 'c1', bookId: 'b1', position: 0, title: 'Uno', pcmKey: 'k1', speakerId: 'ana' },
        { id: 'c2', bookId: 'b1', position: 1, title: null, pcmKey: 'k2', speakerId: 'luis' },
      ],
      groups: new Map([
        ['c2', 'dev'],
        ['c1', 'train'],
      ]),
      excluded: { status: 1, heading: 0, untimed: 0, duration: 2, charsPerSec: 0, confidence: 0, text: 0, noAudio: 0 },
      vocab: ['<blank>', '<space>', 'a', 'b'],
    },
    plan: {
      examples: [{}, {}, {}] as DatasetManifestInput['plan']['examples'],
      speakerNo: new Map([
        ['ana', 1],
        ['luis', 2],
      ]),
      chapterNo: new Map([
        ['c1', 1],
        ['c2', 2],
      ]),
    },
    stats: { train: stat(2), dev: stat(1), test: stat(0) },
    shards,
    createdAt: new Date('2025-01-02T03:04:05Z'),
  };
}

describe('buildDatasetManifest', () => {
  it('records the source, settings, split groups (sorted), vocab, features and every format wanted', () => {
    const m = buildDatasetManifest(input({ t2t: true, gzip: true }));
    expect(Object.keys(m)).toEqual([
      'schemaVersion', 'createdAt', 'generator', 'source', 'settings', 'unit', 'split', 'splits', 'excluded', 'sampleRate',
      'vocab', 'features', 'tfrecord', 't2t', 'librispeech', 'manifests', 'shards',
    ]);
    expect(m.schemaVersion).toBe(DATASET_SCHEMA_VERSION);
    expect(m.createdAt).toBe('2025-01-02T03:04:05.000Z');
    expect(m.source).toEqual({ projectId: 'p1', projectName: 'Cuentos', books: [{ id: 'b1', title: 'Libro', speakerId: 'ana' }] });
    expect(Object.keys(m.split.groups)).toEqual(['c1', 'c2']);
    expect(m.split).toMatchObject({ ratios: { train: 60, dev: 20, test: 20 }, group: 'chapter', seed: 1 });
    expect(m.vocab).toEqual({ file: 'vocab.txt', size: 4, blank: 0, space: '<space>' });
    expect(m.sampleRate).toBe(16_000);
    expect(m.features.targets).toEqual({ type: 'int64', shape: 'varlen' });
    expect(m.features.id).toEqual({ type: 'bytes', shape: 'scalar' });
    expect(m.tfrecord).toEqual({ dir: 'tfrecord', compression: 'GZIP' });
    expect(m.t2t).toMatchObject({ dir: 'tfrecord-t2t', problem: 'alinea_speech', features: { waveform_lens: { type: 'int64', shape: 'scalar' }, waveforms: { type: 'float', shape: 'varlen' } } });
    expect(m.t2t!.targets).toMatch(/vocab\.txt id \+ 2, then EOS: 0 = PAD and 1 = EOS/);
    expect(m.librispeech).toEqual({
      dir: 'librispeech',
      speakers: { ana: 1, luis: 2 },
      chapters: { c1: { id: 1, bookId: 'b1', position: 0, title: 'Uno', speaker: 1 }, c2: { id: 2, bookId: 'b1', position: 1, title: null, speaker: 2 } },
      utterance: 'fragment position within its chapter',
      files: 3,
    });
    expect(m.manifests).toEqual({ train: 'manifests/train.jsonl', dev: 'manifests/dev.jsonl', test: 'manifests/test.jsonl' });
    expect(m.shards).toBe(shards);
  });

  it('writes null for the formats not wanted; says what an utterance number is with sentences', () => {
    const m = buildDatasetManifest(input({ formats: ['tfrecord'], t2t: false }));
    expect([m.t2t, m.librispeech, m.manifests]).toEqual([null, null, null]);
    expect(m.tfrecord).toEqual({ dir: 'tfrecord', compression: null });
    const s = buildDatasetManifest(input({ formats: ['librispeech'], unit: 'sentence' }));
    expect(s.tfrecord).toBeNull();
    expect(s.unit).toBe('sentence');
    expect(s.librispeech!.utterance).toMatch(/^sentence number/);
  });
});
