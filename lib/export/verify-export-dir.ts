// Checks an export against its dataset.json: every shard's sha256 and size, every record's CRCs (readTFRecords),
// every example decodes, counts per shard and per split; LibriSpeech files and manifests are counted too. The
// files come from storage or a local directory (export-file-source.ts); each shard is read as a local file (on
// S3 a scratch copy, one at a time, removed after), everything else streamed.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { AppError } from '../errors/app-error.ts';
import { decodeExample } from '../corpus/example-proto.ts';
import { decodeSpeechExample } from '../corpus/speech-example.ts';
import { SPLITS } from '../corpus/split-corpus.ts';
import { readTFRecords } from '../corpus/tfrecord-reader.ts';
import { dirExportFiles, type ExportFileSource } from './export-file-source.ts';

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

/** Verifies the export in a local directory (`alinea export --out DIR`, an older export). */
export function verifyExportDir(dir: string, opts: { signal?: AbortSignal } = {}): Promise<VerifyReport> {
  return verifyExportFiles(dirExportFiles(dir), opts);
}

export async function verifyExportFiles(files: ExportFileSource, opts: { signal?: AbortSignal } = {}): Promise<VerifyReport> {
  const t0 = performance.now();
  let ds: DatasetJson;
  try {
    ds = JSON.parse((await collect(files.read('dataset.json'))).toString('utf8')) as DatasetJson;
  } catch {
    throw new AppError('NOT_FOUND', 'The export has no readable dataset.json: it did not finish. Run it again.');
  }
  const problems: string[] = [];
  const perSplit = new Map<string, number>();
  let examples = 0;
  for (const s of ds.shards) {
    opts.signal?.throwIfAborted();
    try {
      const n = await files.withLocalFile(s.file, async (file) => {
        const size = (await stat(file)).size;
        if (size !== s.bytes) problems.push(`${s.file}: ${size} bytes, dataset.json says ${s.bytes}`);
        const h = createHash('sha256');
        for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) h.update(chunk as Buffer);
        if (h.digest('hex') !== s.sha256) problems.push(`${s.file}: sha256 differs from dataset.json`);
        let records = 0;
        for await (const rec of readTFRecords(file)) {
          if (s.format === 'tfrecord') decodeSpeechExample(rec);
          else {
            const f = decodeExample(rec);
            for (const k of ['waveforms', 'waveform_lens', 'targets', 'raw_transcript', 'utt_id', 'spk_id']) {
              if (!f[k]) throw new AppError('INVALID_INPUT', `record ${records} has no ${k}`);
            }
          }
          records++;
        }
        return records;
      });
      if (n !== s.examples) problems.push(`${s.file}: ${n} examples, dataset.json says ${s.examples}`);
      if (s.format === 'tfrecord') {
        examples += n;
        perSplit.set(s.split, (perSplit.get(s.split) ?? 0) + n);
      }
    } catch (err) {
      problems.push(`${s.file}: ${(err as Error).message}`);
    }
  }
  const listed = ds.librispeech ? await files.list() : [];
  for (const split of SPLITS) {
    const want = ds.splits[split]?.examples ?? 0;
    if (ds.tfrecord && (perSplit.get(split) ?? 0) !== want) problems.push(`${split}: ${perSplit.get(split) ?? 0} examples in shards, dataset.json says ${want}`);
    if (ds.librispeech) {
      const flacs = listed.filter((f) => f.path.startsWith(`librispeech/${split}/`) && f.path.endsWith('.flac')).length;
      if (flacs !== want) problems.push(`librispeech/${split}: ${flacs} FLAC files, dataset.json says ${want}`);
    }
    if (ds.manifests?.[split]) {
      const lines = await countLines(files.read(ds.manifests[split])).catch(() => -1);
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

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** Non-empty lines, streamed. */
async function countLines(stream: Readable): Promise<number> {
  let lines = 0;
  let inLine = false;
  for await (const chunk of stream) {
    const b = chunk as Buffer;
    for (let at = 0; at < b.length; ) {
      const nl = b.indexOf(0x0a, at);
      if ((nl < 0 ? b.length : nl) > at) inLine = true;
      if (nl < 0) break;
      if (inLine) lines++;
      inLine = false;
      at = nl + 1;
    }
  }
  return inLine ? lines + 1 : lines;
}
