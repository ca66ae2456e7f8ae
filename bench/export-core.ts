// Benchmark (not a test): the pure export core on synthetic data. Run: npx tsx bench/export-core.ts
//   [--hours 1] [--gzip] [--shard-mb 150] [--format speech|t2t] [--keep]   Prints one JSON line.
// N hours of fake utterances (int16 noise — incompressible, the worst case for gzip — 1–20 s each, Spanish
// sentences at ~2.5 words/s, 40 speakers) are split by speaker, planned into shards from their sizes, encoded
// and written as TFRecord shards; then every shard is read back, CRC-checked and decoded, and counted.
// Audio is generated from one 20 s noise buffer, so generation costs ~nothing and memory stays flat.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { SPANISH_PARAGRAPHS } from '../lib/align/spanish-paragraphs.ts';
import { crc32c } from '../lib/corpus/crc32c.ts';
import { planShards } from '../lib/corpus/shard-plan.ts';
import {
  decodeSpeechExample,
  encodeSpeechExample,
  encodeT2TExample,
  speechExampleByteLength,
  t2tExampleByteLength,
  type SpeechExample,
} from '../lib/corpus/speech-example.ts';
import { assignSplits, SPLITS } from '../lib/corpus/split-corpus.ts';
import { readTFRecords } from '../lib/corpus/tfrecord-reader.ts';
import { TFRECORD_OVERHEAD, TFRecordWriter } from '../lib/corpus/tfrecord-writer.ts';
import { buildVocab, textToTargets } from '../lib/corpus/vocab.ts';
import { normaliseSpanish, TRANSCRIPT_ALPHABET } from '../lib/text/normalise-spanish.ts';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const hours = Number(arg('--hours') ?? 1);
const gzip = process.argv.includes('--gzip');
const shardBytes = Number(arg('--shard-mb') ?? 150) * 1e6;
const format = arg('--format') === 't2t' ? 't2t' : 'speech';
const SR = 16_000;

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

type Meta = Omit<SpeechExample, 'samples'> & { numSamples: number; offset: number };

async function main(): Promise<void> {
  const random = rng(1);
  const noise = Int16Array.from({ length: 20 * SR }, () => Math.floor(random() * 65536) - 32768);
  const vocab = buildVocab(TRANSCRIPT_ALPHABET);
  const words = normaliseSpanish(SPANISH_PARAGRAPHS.join(' ')).split(' ');
  const originals = SPANISH_PARAGRAPHS.join(' ').split(' ');

  const t0 = performance.now();
  const metas: Meta[] = [];
  let total = 0;
  while (total < hours * 3600 * SR) {
    const numSamples = Math.round((1 + random() * 19) * SR);
    const n = Math.max(1, Math.round((numSamples / SR) * 2.5));
    const start = Math.floor(random() * (words.length - n));
    const text = words.slice(start, start + n).join(' ');
    const k = metas.length;
    metas.push({
      id: `utt-${String(k).padStart(7, '0')}`,
      sampleRate: SR,
      numSamples,
      offset: Math.floor(random() * (noise.length - numSamples + 1)),
      text,
      textOriginal: originals.slice(start, start + n).join(' '),
      targets: textToTargets(text, vocab),
      speakerId: `spk-${Math.floor(random() * 40)}`,
      bookId: `book-${k % 7}`,
      chapterId: `chapter-${k % 31}`,
      confidence: random(),
      reviewStatus: 'approved',
    });
    total += numSamples;
  }
  const audioSec = total / SR;
  const prepareSec = (performance.now() - t0) / 1000;

  const dir = await mkdtemp(path.join(os.tmpdir(), 'alinea-bench-export-'));
  try {
    // Split by speaker, plan shards from sizes, write.
    const t1 = performance.now();
    const speakerHours = new Map<string, number>();
    for (const m of metas) speakerHours.set(m.speakerId, (speakerHours.get(m.speakerId) ?? 0) + m.numSamples / SR / 3600);
    const splitOf = assignSplits([...speakerHours].map(([key, h]) => ({ key, hours: h })), { train: 0.8, dev: 0.1, test: 0.1 }, 1, { mode: 'balanced' });
    const size = format === 't2t' ? t2tExampleByteLength : speechExampleByteLength;
    const encode = format === 't2t' ? encodeT2TExample : encodeSpeechExample;
    const shards: { file: string; records: number; bytes: number; planned: number }[] = [];
    let encodeSec = 0;
    for (const split of SPLITS) {
      const items = metas.filter((m) => splitOf.get(m.speakerId) === split);
      const plan = planShards(items.map((m) => size(m) + TFRECORD_OVERHEAD), { split, targetBytes: shardBytes, extension: gzip ? '.tfrecord.gz' : '.tfrecord' });
      for (const s of plan) {
        const w = new TFRecordWriter(path.join(dir, s.file), { gzip });
        for (const m of items.slice(s.first, s.end)) {
          const te = performance.now();
          const bytes = encode({ ...m, samples: noise.subarray(m.offset, m.offset + m.numSamples) });
          encodeSec += (performance.now() - te) / 1000;
          await w.write(bytes);
        }
        const info = await w.close();
        shards.push({ file: s.file, records: info.records, bytes: info.bytes, planned: s.bytes });
      }
    }
    const writeSec = (performance.now() - t1) / 1000;
    const rssAfterWrite = process.resourceUsage().maxRSS / 1024;

    // Read back: CRCs, decode, count.
    const t2 = performance.now();
    let read = 0;
    for (const s of shards) {
      for await (const r of readTFRecords(path.join(dir, s.file))) {
        if (format === 'speech') decodeSpeechExample(r);
        read++;
      }
    }
    const readSec = (performance.now() - t2) / 1000;

    const crcBuf = new Uint8Array(64 << 20).fill(7);
    const t3 = performance.now();
    crc32c(crcBuf);
    const crcMBps = 64 * 1.048576 / ((performance.now() - t3) / 1000);

    const outBytes = shards.reduce((a, s) => a + s.bytes, 0);
    console.log(
      JSON.stringify({
        bench: 'export-core',
        format,
        gzip,
        audioHours: round(audioSec / 3600, 3),
        examples: metas.length,
        shards: shards.length,
        shardMb: shards.map((s) => round(s.bytes / 1e6, 1)),
        plannedMatchesWritten: gzip ? null : shards.every((s) => s.planned === s.bytes),
        outMb: round(outBytes / 1e6, 1),
        prepare: { sec: round(prepareSec) },
        write: { sec: round(writeSec), xRealtime: Math.round(audioSec / writeSec), mbPerSec: round(outBytes / 1e6 / writeSec, 0), encodeSec: round(encodeSec) },
        readBack: { sec: round(readSec), xRealtime: Math.round(audioSec / readSec), records: read, ok: read === metas.length },
        crc32cMbPerSec: Math.round(crcMBps),
        peakRssMb: { afterWrite: Math.round(rssAfterWrite), total: Math.round(process.resourceUsage().maxRSS / 1024) },
        cpus: os.cpus().length,
        node: process.version,
      }),
    );
  } finally {
    if (!process.argv.includes('--keep')) await rm(dir, { recursive: true, force: true });
    else console.error(`kept ${dir}`);
  }
}

await main();
