// What an export will write, decided from the selection alone (no I/O): each example's LibriSpeech paths, the
// TFRecord shards of each split from exact record sizes (which example goes into which shard, and which one
// closes it), the chapters in processing order, and the fingerprint of everything that decides the bytes (a
// resumed export keeps only files of the same plan).
import { createHash } from 'node:crypto';
import { librispeechPaths } from '../corpus/librispeech-paths.ts';
import { planShards, type PlannedShard } from '../corpus/shard-plan.ts';
import { speechExampleByteLength, t2tExampleByteLength } from '../corpus/speech-example.ts';
import { SPLITS, type Split } from '../corpus/split-corpus.ts';
import { TFRECORD_OVERHEAD } from '../corpus/tfrecord-writer.ts';
import { speechExampleFields, T2T_PROBLEM, t2tExampleFields } from './example-fields.ts';
import type { ExportSettings } from './export-settings.ts';
import type { ExampleMeta, Selection } from './select-examples.ts';

/** Bumped when the bytes written for the same inputs change (resume must not mix versions). */
export const WRITER_VERSION = 1;

export type ShardFormat = 'tfrecord' | 't2t';
/** An example's place in a shard; `last` closes the shard. */
export type ShardSlot = { shard: PlannedShard; last: boolean };

export type PlannedExample = ExampleMeta & {
  uttId?: string;
  flac?: string;
  transcript?: string;
  tf?: ShardSlot;
  t2t?: ShardSlot;
};

export type ShardGroup = { format: ShardFormat; split: Split; shards: PlannedShard[] };

export type ExportPlan = {
  examples: PlannedExample[];
  /** Shards per format and split, in the order dataset.json lists them; files relative to the export dir. */
  shardGroups: ShardGroup[];
  /** LibriSpeech wants integer speakers and chapters: numbered in export order from 1. */
  speakerNo: Map<string, number>;
  chapterNo: Map<string, number>;
  /** The examples of each chapter, chapters in export order. */
  byChapter: { chapterIndex: number; examples: PlannedExample[] }[];
  totalSamples: number;
  fingerprint: string;
};

export function planExport(sel: Pick<Selection, 'examples' | 'chapters' | 'vocab'>, settings: ExportSettings): ExportPlan {
  const formats = new Set(settings.formats);
  const wantLs = formats.has('librispeech');

  const speakerNo = new Map<string, number>();
  const chapterNo = new Map<string, number>();
  for (const ch of sel.chapters) {
    if (!speakerNo.has(ch.speakerId)) speakerNo.set(ch.speakerId, speakerNo.size + 1);
    chapterNo.set(ch.id, chapterNo.size + 1);
  }
  const examples: PlannedExample[] = sel.examples.map((e) => {
    if (!wantLs) return { ...e };
    const p = librispeechPaths({ split: e.split, speaker: speakerNo.get(e.speakerId)!, chapter: chapterNo.get(e.chapterId)!, utterance: e.utterance });
    return { ...e, uttId: p.uttId, flac: `librispeech/${p.flac}`, transcript: `librispeech/${p.transcript}` };
  });

  const shardGroups: ShardGroup[] = [];
  const assign = (format: ShardFormat, split: Split, xs: PlannedExample[], planned: PlannedShard[], dir: string) => {
    const shards = planned.map((s) => ({ ...s, file: `${dir}/${s.file}` }));
    for (const s of shards) for (let i = s.first; i < s.end; i++) xs[i]![format === 'tfrecord' ? 'tf' : 't2t'] = { shard: s, last: i === s.end - 1 };
    shardGroups.push({ format, split, shards });
  };
  const targetBytes = settings.shardMB * 1e6;
  for (const split of SPLITS) {
    const xs = examples.filter((e) => e.split === split);
    if (formats.has('tfrecord')) {
      const sizes = xs.map((e) => speechExampleByteLength({ ...speechExampleFields(e), numSamples: e.stop - e.start }) + TFRECORD_OVERHEAD);
      assign('tfrecord', split, xs, planShards(sizes, { split, targetBytes, extension: settings.gzip ? '.tfrecord.gz' : '.tfrecord' }), 'tfrecord');
    }
    if (settings.t2t) {
      const sizes = xs.map((e) => t2tExampleByteLength({ ...t2tExampleFields(e), numSamples: e.stop - e.start }) + TFRECORD_OVERHEAD);
      assign('t2t', split, xs, planShards(sizes, { split, targetBytes, prefix: `${T2T_PROBLEM}-`, extension: '' }), 'tfrecord-t2t');
    }
  }

  const byChapter = new Map<number, PlannedExample[]>();
  for (const e of examples) {
    const xs = byChapter.get(e.chapterIndex);
    if (xs) xs.push(e);
    else byChapter.set(e.chapterIndex, [e]);
  }

  const fp = createHash('sha256');
  fp.update(JSON.stringify({ v: WRITER_VERSION, settings: { ...settings, projectId: undefined }, vocab: sel.vocab }));
  for (const e of examples) {
    fp.update(JSON.stringify([e.id, e.split, e.pcmKey, e.start, e.stop, e.begin, e.end, e.limits, e.text, e.textOriginal, e.confidence, e.status, e.speakerId, e.bookId, e.chapterId, e.uttId ?? '']));
  }

  return {
    examples,
    shardGroups,
    speakerNo,
    chapterNo,
    byChapter: [...byChapter].sort((a, b) => a[0] - b[0]).map(([chapterIndex, xs]) => ({ chapterIndex, examples: xs })),
    totalSamples: examples.reduce((a, e) => a + (e.stop - e.start), 0),
    fingerprint: fp.digest('hex'),
  };
}
