// The heavy part of an export: chapter by chapter, each example is cut from the chapter's WAV and written to its
// TFRecord shard(s) and as LibriSpeech FLAC (with the chapter's transcripts), into the staging directory. Every
// finished shard and chapter is appended to the journal; those a previous run finished (`kept`) are skipped.
import { createHash } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../errors/app-error.ts';
import { getStorage } from '../storage/storage.ts';
import { writeFileAtomic } from '../storage/write-file-atomic.ts';
import { cutSamples } from '../corpus/cut-samples.ts';
import { encodeFlac } from '../corpus/encode-flac.ts';
import { transcriptLine } from '../corpus/librispeech-paths.ts';
import { encodeSpeechExample, encodeT2TExample } from '../corpus/speech-example.ts';
import type { Split } from '../corpus/split-corpus.ts';
import { TFRecordWriter } from '../corpus/tfrecord-writer.ts';
import { speechExampleFields, t2tExampleFields } from './example-fields.ts';
import { appendJournal, type Journal, type JournalFile, type JournalUnit } from './export-journal.ts';
import type { ExportSettings } from './export-settings.ts';
import type { ExportPlan, PlannedExample, ShardFormat, ShardSlot } from './plan-export.ts';
import { EXPORT_SAMPLE_RATE, type Selection } from './select-examples.ts';

export type ShardInfo = { file: string; format: ShardFormat; split: Split; examples: number; bytes: number; sha256: string };

export type WriteExportFilesOptions = {
  plan: ExportPlan;
  chapters: Selection['chapters'];
  settings: ExportSettings;
  /** The staging directory (`<dir>.partial`, the job's scratch directory). */
  staging: string;
  /** Its journal, started. */
  journal: Journal;
  /** Units a previous run of the same plan finished (loadJournal). */
  kept: ReadonlyMap<string, JournalUnit>;
  signal?: AbortSignal;
  /** Called after each example, written or kept. */
  onExample?: (e: PlannedExample) => void;
  /** Called after each shard is finished (a test hook, e.g. to simulate a crash). */
  onShardDone?: (shard: ShardInfo) => void;
};

export type WrittenFiles = {
  /** Every planned shard, in plan order. */
  shards: ShardInfo[];
  /** Shards and chapters kept from an interrupted run. */
  reused: { shards: number; chapters: number };
};

const utf8 = new TextEncoder();
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export async function writeExportFiles(opts: WriteExportFilesOptions): Promise<WrittenFiles> {
  const { plan, settings, staging, journal, kept, signal } = opts;
  const wantLs = settings.formats.includes('librispeech');
  const shardInfos = new Map<string, ShardInfo>();
  const reused = { shards: 0, chapters: 0 };
  for (const g of plan.shardGroups) {
    for (const s of g.shards) {
      const u = kept.get(s.file);
      if (u) {
        shardInfos.set(s.file, { file: s.file, format: g.format, split: g.split, examples: u.examples, bytes: u.files[0]!.bytes, sha256: u.files[0]!.sha256 });
        reused.shards++;
      }
    }
  }

  const storage = getStorage();
  const writers = new Map<string, TFRecordWriter>();

  const finishShard = async (key: string, format: ShardFormat, split: Split, shard: ShardSlot['shard']) => {
    const w = writers.get(key)!;
    writers.delete(key);
    const info = await w.close();
    const s: ShardInfo = { file: shard.file, format, split, examples: info.records, bytes: info.bytes, sha256: info.sha256 };
    shardInfos.set(shard.file, s);
    await appendJournal(journal, { unit: shard.file, examples: info.records, files: [{ file: shard.file, bytes: info.bytes, sha256: info.sha256 }] });
    opts.onShardDone?.(s);
  };

  const writeRecord = async (format: ShardFormat, e: PlannedExample, slot: ShardSlot, bytes: () => Uint8Array) => {
    const key = `${format}:${e.split}`;
    let w = writers.get(key);
    if (!w) {
      const file = path.join(staging, slot.shard.file);
      await mkdir(path.dirname(file), { recursive: true });
      w = new TFRecordWriter(file, { gzip: format === 'tfrecord' && settings.gzip });
      writers.set(key, w);
    }
    await w.write(bytes());
    if (slot.last) await finishShard(key, format, e.split, slot.shard);
  };

  const scratch = new Set<string>();
  try {
    for (const { chapterIndex, examples: xs } of plan.byChapter) {
      signal?.throwIfAborted();
      const chapter = opts.chapters[chapterIndex]!;
      const lsUnit = `librispeech:${chapter.id}`;
      const needLs = wantLs && !kept.has(lsUnit);
      if (wantLs && !needLs) reused.chapters++;
      // the chapter's audio as a local file, fetched once and only if an example needs cutting: the stored file
      // itself locally, a scratch copy on S3 (removed when the chapter is done, or swept after a crash)
      let wav: string | undefined;
      const chapterWav = async (): Promise<string> => {
        if (wav) return wav;
        if (storage.kind === 'local') return (wav = storage.localPath(chapter.pcmKey));
        const copy = storage.tempPath('.wav');
        scratch.add(copy);
        await storage.download(chapter.pcmKey, copy);
        return (wav = copy);
      };
      const lsFiles: JournalFile[] = [];
      const transcripts = new Map<string, string[]>();
      for (const e of xs) {
        signal?.throwIfAborted();
        const needTf = e.tf !== undefined && !shardInfos.has(e.tf.shard.file);
        const needT2t = e.t2t !== undefined && !shardInfos.has(e.t2t.shard.file);
        if (needTf || needT2t || needLs) {
          const cut = await cutSamples(await chapterWav(), { begin: e.begin, end: e.end, padMs: settings.padMs, limits: e.limits });
          if (cut.start !== e.start || cut.end !== e.stop || cut.sampleRate !== EXPORT_SAMPLE_RATE) {
            throw new AppError(
              'CONFLICT',
              `The audio of chapter ${chapter.position + 1} (${chapter.title ?? chapter.id}) no longer matches its database record. Re-ingest the audio file, then export again.`,
              { chapterId: chapter.id, fragmentId: e.id },
            );
          }
          const samples = cut.samples;
          if (needTf) await writeRecord('tfrecord', e, e.tf!, () => encodeSpeechExample({ ...speechExampleFields(e), samples }));
          if (needT2t) await writeRecord('t2t', e, e.t2t!, () => encodeT2TExample({ ...t2tExampleFields(e), samples }));
          if (needLs) {
            const flac = encodeFlac(samples, EXPORT_SAMPLE_RATE);
            await writeFileAtomic(path.join(staging, e.flac!), flac);
            lsFiles.push({ file: e.flac!, bytes: flac.length, sha256: sha256(flac) });
            const lines = transcripts.get(e.transcript!) ?? [];
            lines.push(transcriptLine(e.uttId!, e.text));
            transcripts.set(e.transcript!, lines);
          }
        }
        opts.onExample?.(e);
      }
      if (needLs) {
        for (const [file, lines] of transcripts) {
          const body = utf8.encode(`${lines.join('\n')}\n`);
          await writeFileAtomic(path.join(staging, file), body);
          lsFiles.push({ file, bytes: body.length, sha256: sha256(body) });
        }
        await appendJournal(journal, { unit: lsUnit, examples: xs.length, files: lsFiles });
      }
      if (wav && scratch.has(wav)) {
        await rm(wav, { force: true });
        scratch.delete(wav);
      }
    }
  } catch (err) {
    for (const w of writers.values()) await w.abort();
    throw err;
  } finally {
    for (const f of scratch) await rm(f, { force: true });
  }

  const shards = plan.shardGroups.flatMap((g) => g.shards.map((s) => shardInfos.get(s.file)!));
  if (shards.some((s) => !s)) throw new Error('runExport: a planned shard was not written');
  return { shards, reused };
}
