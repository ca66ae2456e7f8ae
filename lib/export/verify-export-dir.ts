// Checks an export directory against its dataset.json: every shard's sha256 and size, every record's CRCs
// (readTFRecords), every example decodes, counts per shard and per split; LibriSpeech files and manifests
// are counted too. Reads everything once, streaming.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../errors/app-error.ts';
import { decodeExample } from '../corpus/example-proto.ts';
import { decodeSpeechExample } from '../corpus/speech-example.ts';
import { SPLITS } from '../corpus/split-corpus.ts';
import { readTFRecords } from '../corpus/tfrecord-reader.ts';

export type VerifyReport = {
  ok: boolean;
  shards: number;
  examples: number;
  problems: string[];
  seconds: number;
};

type DatasetJson = {
  splits: Record<string, { examples: number }>;
  shards: { file: string; format: 'tfrecord' | 't2t'; split: string; examples: number; bytes: number; sha256: string }[];
  tfrecord: unknown;
  librispeech: unknown;
  manifests: Record<string, string> | null;
};

export async function verifyExportDir(dir: string, opts: { signal?: AbortSignal } = {}): Promise<VerifyReport> {
  const t0 = performance.now();
  let ds: DatasetJson;
  try {
    ds = JSON.parse(await readFile(path.join(dir, 'dataset.json'), 'utf8')) as DatasetJson;
  } catch {
    throw new AppError('NOT_FOUND', 'The export has no readable dataset.json: it did not finish. Run it again.');
  }
  const problems: string[] = [];
  const perSplit = new Map<string, number>();
  let examples = 0;
  for (const s of ds.shards) {
    opts.signal?.throwIfAborted();
    const file = path.join(dir, s.file);
    try {
      const size = (await stat(file)).size;
      if (size !== s.bytes) problems.push(`${s.file}: ${size} bytes, dataset.json says ${s.bytes}`);
      const h = createHash('sha256');
      for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) h.update(chunk as Buffer);
      if (h.digest('hex') !== s.sha256) problems.push(`${s.file}: sha256 differs from dataset.json`);
      let n = 0;
      for await (const rec of readTFRecords(file)) {
        if (s.format === 'tfrecord') decodeSpeechExample(rec);
        else {
          const f = decodeExample(rec);
          for (const k of ['waveforms', 'waveform_lens', 'targets', 'raw_transcript', 'utt_id', 'spk_id']) {
            if (!f[k]) throw new AppError('INVALID_INPUT', `record ${n} has no ${k}`);
          }
        }
        n++;
      }
      if (n !== s.examples) problems.push(`${s.file}: ${n} examples, dataset.json says ${s.examples}`);
      if (s.format === 'tfrecord') {
        examples += n;
        perSplit.set(s.split, (perSplit.get(s.split) ?? 0) + n);
      }
    } catch (err) {
      problems.push(`${s.file}: ${(err as Error).message}`);
    }
  }
  for (const split of SPLITS) {
    const want = ds.splits[split]?.examples ?? 0;
    if (ds.tfrecord && (perSplit.get(split) ?? 0) !== want) problems.push(`${split}: ${perSplit.get(split) ?? 0} examples in shards, dataset.json says ${want}`);
    if (ds.librispeech) {
      const flacs = await countFiles(path.join(dir, 'librispeech', split), '.flac');
      if (flacs !== want) problems.push(`librispeech/${split}: ${flacs} FLAC files, dataset.json says ${want}`);
    }
    if (ds.manifests?.[split]) {
      const text = await readFile(path.join(dir, ds.manifests[split]), 'utf8').catch(() => null);
      const lines = text === null ? -1 : text.split('\n').filter(Boolean).length;
      if (lines !== want) problems.push(`${ds.manifests[split]}: ${lines < 0 ? 'missing' : `${lines} lines`}, dataset.json says ${want}`);
    }
  }
  return {
    ok: problems.length === 0,
    shards: ds.shards.length,
    examples,
    problems,
    seconds: Math.round((performance.now() - t0) / 10) / 100,
  };
}

async function countFiles(dir: string, ext: string): Promise<number> {
  try {
    const entries = await readdir(dir, { withFileTypes: true, recursive: true });
    return entries.filter((e) => e.isFile() && e.name.endsWith(ext)).length;
  } catch {
    return 0;
  }
}
