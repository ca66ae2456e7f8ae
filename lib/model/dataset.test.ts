import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textToTargets } from '../corpus/vocab.ts';
import { SpeechDataset, type Batch } from './dataset.ts';
import { writeExportFixture, type FixtureUtterance } from '../testing/write-export-fixture.ts';

const tone = (hz: number, ms: number) => Int16Array.from({ length: (ms * 16_000) / 1000 }, (_, i) => Math.round(8000 * Math.sin((2 * Math.PI * hz * i) / 16_000)));
const words = ['sol', 'mar', 'casa', 'luna', 'perro', 'gato', 'rio', 'pan', 'flor', 'agua', 'cielo', 'nube'];
const train: FixtureUtterance[] = words.map((w, i) => ({ id: `tr${i}`, text: w, samples: tone(200 + 50 * i, 300 + 40 * i) }));
const dev: FixtureUtterance[] = [
  { id: 'd0', text: 'ola', samples: tone(300, 500) },
  { id: 'd1', text: 'sal', samples: tone(500, 400) },
  { id: 'tiny', text: 'demasiado largo', samples: tone(400, 100) }, // 8 frames → 2 output frames < 15 labels
];

async function collect(it: AsyncIterable<Batch>): Promise<Batch[]> {
  const out: Batch[] = [];
  for await (const b of it) out.push(b);
  return out;
}

describe('SpeechDataset', () => {
  let dir = '';
  let vocab: string[] = [];
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'alinea-dataset-'));
    vocab = await writeExportFixture(dir, ' abcdefghijklmnopqrstuvwxyzñ', { train, dev });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('batches every usable utterance once, sorted by length, padded, with lengths and targets', async () => {
    const ds = await SpeechDataset.open(dir, { split: 'dev', batchSize: 2 });
    expect(ds.vocab[0]).toBe('<blank>');
    expect(ds.files.map((f) => path.basename(f))).toEqual(['dev-00000-of-00002.tfrecord', 'dev-00001-of-00002.tfrecord']);
    const batches = await collect(ds.batches());
    expect(ds.skipped).toBe(1);
    expect(batches).toHaveLength(1);
    const b = batches[0]!;
    expect(b.ids).toEqual(['d1', 'd0']); // 400 ms before 500 ms
    expect(b.featureLengths).toEqual([38, 48]);
    expect(b.frames).toBe(48);
    expect(b.bins).toBe(80);
    expect(b.features.length).toBe(2 * 48 * 80);
    expect(b.features.subarray(38 * 80, 48 * 80).every((v) => v === 0)).toBe(true); // padding of d1
    expect(b.targets).toEqual([textToTargets('sal', vocab), textToTargets('ola', vocab)]);
    expect(Array.from(b.paddedTargets)).toEqual([...textToTargets('sal', vocab), ...textToTargets('ola', vocab)]);
    expect(b.targetLengths).toEqual([3, 3]);
  });

  it('keeps batches length-homogeneous within a bucket and shuffles reproducibly per epoch', async () => {
    const ds = await SpeechDataset.open(dir, { split: 'train', batchSize: 3, bucketSize: 12, seed: 4, augment: false });
    const e0 = await collect(ds.batches(0));
    expect(e0.flatMap((b) => b.ids).sort()).toEqual(train.map((u) => u.id).sort());
    for (const b of e0) {
      const lengths = b.featureLengths;
      const ranks = b.ids.map((id) => Number(id.slice(2)));
      expect(Math.max(...ranks) - Math.min(...ranks)).toBe(2); // three neighbours in length order
      expect(lengths).toEqual([...lengths].sort((a, c) => a - c));
    }
    const again = await collect(ds.batches(0));
    expect(again.map((b) => b.ids)).toEqual(e0.map((b) => b.ids));
    const e1 = await collect(ds.batches(1));
    expect(e1.map((b) => b.ids)).not.toEqual(e0.map((b) => b.ids));
  });

  it('augments the train split reproducibly, and resumes mid-epoch with the same batches', async () => {
    const plain = await SpeechDataset.open(dir, { split: 'train', batchSize: 4, seed: 2, augment: false });
    const aug = await SpeechDataset.open(dir, { split: 'train', batchSize: 4, seed: 2 });
    const p = await collect(plain.batches(0));
    const a = await collect(aug.batches(0));
    expect(a.map((b) => b.ids)).toEqual(p.map((b) => b.ids));
    expect(Array.from(a[0]!.features)).not.toEqual(Array.from(p[0]!.features));
    const resumed = await collect(aug.batches(0, 1));
    expect(resumed.map((b) => b.ids)).toEqual(a.slice(1).map((b) => b.ids));
    expect(Array.from(resumed[0]!.features)).toEqual(Array.from(a[1]!.features));
  });

  it('says what is missing when the directory is not an export', async () => {
    await expect(SpeechDataset.open(tmpdir(), { split: 'train', batchSize: 1 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(SpeechDataset.open(dir, { split: 'test', batchSize: 1 })).rejects.toThrow(/No test shards/);
  });
});
