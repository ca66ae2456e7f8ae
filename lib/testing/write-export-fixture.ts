// Writes a minimal export directory in the layout SpeechDataset reads (vocab.txt, dataset.json,
// tfrecord/{split}-NNNNN-of-NNNNN.tfrecord), for tests and benchmarks.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { encodeSpeechExample } from '../corpus/speech-example.ts';
import { shardFileName } from '../corpus/shard-plan.ts';
import { TFRecordWriter } from '../corpus/tfrecord-writer.ts';
import { buildVocab, textToTargets } from '../corpus/vocab.ts';

export type FixtureUtterance = { id: string; text: string; samples: Int16Array };

/** `splits` maps a split name to its utterances; each split is cut into `shardsPerSplit` shards (default 2). */
export async function writeExportFixture(
  dir: string,
  alphabet: string,
  splits: Record<string, readonly FixtureUtterance[]>,
  shardsPerSplit = 2,
): Promise<string[]> {
  const vocab = buildVocab(alphabet);
  await mkdir(path.join(dir, 'tfrecord'), { recursive: true });
  await writeFile(path.join(dir, 'vocab.txt'), `${vocab.join('\n')}\n`);
  const counts: Record<string, number> = {};
  for (const [split, utts] of Object.entries(splits)) {
    counts[split] = utts.length;
    const shards = Math.max(1, Math.min(shardsPerSplit, utts.length));
    for (let s = 0; s < shards; s++) {
      const w = new TFRecordWriter(path.join(dir, 'tfrecord', shardFileName(split, s, shards)));
      for (let i = s; i < utts.length; i += shards) {
        const u = utts[i]!;
        await w.write(
          encodeSpeechExample({
            id: u.id, samples: u.samples, sampleRate: 16_000, text: u.text, textOriginal: u.text, targets: textToTargets(u.text, vocab),
            speakerId: 'spk', bookId: 'book', chapterId: 'ch', confidence: 1, reviewStatus: 'approved',
          }),
        );
      }
      await w.close();
    }
  }
  await writeFile(path.join(dir, 'dataset.json'), `${JSON.stringify({ name: 'fixture', sampleRate: 16_000, splits: counts }, null, 2)}\n`);
  return vocab;
}
