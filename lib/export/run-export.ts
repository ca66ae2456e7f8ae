// The export itself (the body of the export-corpus job and of `alinea export`). Writes DESIGN.md's layout:
//   dataset.json  vocab.txt  tfrecord/{split}-NNNNN-of-MMMMM.tfrecord[.gz]
//   tfrecord-t2t/alinea_speech-{split}-NNNNN-of-MMMMM      (optional, tensor2tensor names)
//   librispeech/{split}/<spk>/<chap>/<spk>-<chap>-<utt>.flac + <spk>-<chap>.trans.txt
//   manifests/{split}.jsonl
// Order: books (creation), chapters (position), fragments (position), sentences (with unit 'sentence'). Everything is planned from the database
// first (exact record sizes → shard boundaries), then chapters are processed one at a time, cutting each
// utterance from the chapter's WAV, so memory does not grow with the corpus. All of it is written into
// `<dir>.partial/` (each file under a temp name, then renamed) and the directory is renamed to `<dir>` at the
// end. A journal there lets a restarted export keep the shards and chapters already finished.
import { createHash } from 'node:crypto';
import { mkdir, readdir, rename, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../errors/app-error.ts';
import { getDb } from '../db/client.ts';
import { getStorage } from '../storage/storage.ts';
import { writeFileAtomic } from '../storage/write-file-atomic.ts';
import { cutSamples } from '../corpus/cut-samples.ts';
import { encodeFlac } from '../corpus/encode-flac.ts';
import { librispeechPaths, transcriptLine } from '../corpus/librispeech-paths.ts';
import { manifestLine } from '../corpus/manifest-line.ts';
import { planShards, type PlannedShard } from '../corpus/shard-plan.ts';
import {
  encodeSpeechExample,
  encodeT2TExample,
  SPEECH_FEATURE_SPEC,
  speechExampleByteLength,
  T2T_FEATURE_SPEC,
  t2tExampleByteLength,
} from '../corpus/speech-example.ts';
import { SPLITS, type Split } from '../corpus/split-corpus.ts';
import { TFRECORD_OVERHEAD, TFRecordWriter } from '../corpus/tfrecord-writer.ts';
import type { ExportSettings } from './export-settings.ts';
import { appendJournal, JOURNAL_FILE, loadJournal, startJournal, type JournalFile, type JournalUnit } from './export-journal.ts';
import { saveSplitRegistry } from './split-registry.ts';
import { EXPORT_SAMPLE_RATE, selectExamples, splitStats, type ExampleMeta, type SplitStats } from './select-examples.ts';

export const DATASET_SCHEMA_VERSION = 1;
/** Bumped when the bytes written for the same inputs change (resume must not mix versions). */
const WRITER_VERSION = 1;
export const T2T_PROBLEM = 'alinea_speech';
/** tensor2tensor's reserved ids: targets are vocab ids + T2T_ID_OFFSET, followed by EOS. */
export const T2T_PAD = 0;
export const T2T_EOS = 1;
export const T2T_ID_OFFSET = 2;

export type ShardInfo = { file: string; format: 'tfrecord' | 't2t'; split: Split; examples: number; bytes: number; sha256: string };

export type ExportStats = {
  splits: Record<Split, SplitStats>;
  examples: number;
  hours: number;
  shards: number;
  bytes: number;
  /** Shards and chapters kept from an interrupted run. */
  reused: { shards: number; chapters: number };
  seconds: number;
  excluded: Record<string, number>;
};

export type RunExportOptions = {
  settings: ExportSettings;
  /** The export directory to create (must not exist, or be empty). */
  dir: string;
  signal?: AbortSignal;
  progress?: (fraction: number, message: string) => void;
  /** Test hook: called after each shard is finished (e.g. to simulate a crash). */
  onShardDone?: (shard: ShardInfo) => void;
};

type Planned = ExampleMeta & {
  uttId?: string;
  flac?: string;
  transcript?: string;
  tf?: { shard: PlannedShard; last: boolean };
  t2t?: { shard: PlannedShard; last: boolean };
};

const utf8 = new TextEncoder();

async function removeTempFiles(dir: string): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true, recursive: true });
  } catch {
    return;
  }
  for (const e of entries) {
    if (e.isFile() && e.name.endsWith('.part')) await rm(path.join(e.parentPath, e.name), { force: true });
  }
}

function formatEta(sec: number): string {
  if (!Number.isFinite(sec)) return '…';
  if (sec < 90) return `${Math.round(sec)} s`;
  return `${Math.round(sec / 60)} min`;
}

export async function runExport(opts: RunExportOptions): Promise<ExportStats> {
  const t0 = performance.now();
  const { settings, signal } = opts;
  const dir = path.resolve(opts.dir);
  const staging = `${dir}.partial`;
  const sel = await selectExamples(settings);
  signal?.throwIfAborted();
  const project = await getDb().project.findUniqueOrThrow({ where: { id: settings.projectId }, select: { id: true, name: true } });
  const formats = new Set(settings.formats);
  const wantTf = formats.has('tfrecord');
  const wantT2t = settings.t2t;
  const wantLs = formats.has('librispeech');
  const wantJsonl = formats.has('jsonl');

  // LibriSpeech wants integer speakers and chapters: numbered in export order from 1.
  const speakerNo = new Map<string, number>();
  const chapterNo = new Map<string, number>();
  for (const ch of sel.chapters) {
    if (!speakerNo.has(ch.speakerId)) speakerNo.set(ch.speakerId, speakerNo.size + 1);
    chapterNo.set(ch.id, chapterNo.size + 1);
  }
  const examples: Planned[] = sel.examples.map((e) => {
    if (!wantLs) return { ...e };
    const p = librispeechPaths({ split: e.split, speaker: speakerNo.get(e.speakerId)!, chapter: chapterNo.get(e.chapterId)!, utterance: e.utterance });
    return { ...e, uttId: p.uttId, flac: `librispeech/${p.flac}`, transcript: `librispeech/${p.transcript}` };
  });

  // Shard plans per split, from exact record sizes.
  const shardBytes = settings.shardMB * 1e6;
  const plans: { format: 'tfrecord' | 't2t'; split: Split; shards: PlannedShard[] }[] = [];
  for (const split of SPLITS) {
    const xs = examples.filter((e) => e.split === split);
    const meta = (e: Planned) => ({
      id: e.id,
      sampleRate: EXPORT_SAMPLE_RATE,
      numSamples: e.stop - e.start,
      text: e.text,
      textOriginal: e.textOriginal,
      targets: e.targets,
      speakerId: e.speakerId,
      bookId: e.bookId,
      chapterId: e.chapterId,
      confidence: e.confidence,
      reviewStatus: e.status,
    });
    if (wantTf) {
      const shards = planShards(xs.map((e) => speechExampleByteLength(meta(e)) + TFRECORD_OVERHEAD), {
        split,
        targetBytes: shardBytes,
        extension: settings.gzip ? '.tfrecord.gz' : '.tfrecord',
      });
      for (const s of shards) for (let i = s.first; i < s.end; i++) xs[i]!.tf = { shard: { ...s, file: `tfrecord/${s.file}` }, last: i === s.end - 1 };
      plans.push({ format: 'tfrecord', split, shards: shards.map((s) => ({ ...s, file: `tfrecord/${s.file}` })) });
    }
    if (wantT2t) {
      const shards = planShards(xs.map((e) => t2tExampleByteLength({ ...meta(e), targets: t2tTargets(e.targets) }) + TFRECORD_OVERHEAD), {
        split,
        targetBytes: shardBytes,
        prefix: `${T2T_PROBLEM}-`,
        extension: '',
      });
      for (const s of shards) for (let i = s.first; i < s.end; i++) xs[i]!.t2t = { shard: { ...s, file: `tfrecord-t2t/${s.file}` }, last: i === s.end - 1 };
      plans.push({ format: 't2t', split, shards: shards.map((s) => ({ ...s, file: `tfrecord-t2t/${s.file}` })) });
    }
  }

  // Fingerprint of everything that decides the bytes: a resumed run only keeps files of the same plan.
  const fp = createHash('sha256');
  fp.update(JSON.stringify({ v: WRITER_VERSION, settings: { ...settings, projectId: undefined }, vocab: sel.vocab }));
  for (const e of examples) {
    fp.update(JSON.stringify([e.id, e.split, e.pcmKey, e.start, e.stop, e.begin, e.end, e.limits, e.text, e.textOriginal, e.confidence, e.status, e.speakerId, e.bookId, e.chapterId, e.uttId ?? '']));
  }
  const fingerprint = fp.digest('hex');

  // Staging directory: resume from its journal when the plan is the same, else start clean.
  await mkdir(path.dirname(dir), { recursive: true });
  if (await isNonEmptyDir(dir)) {
    throw new AppError('CONFLICT', `${dir} already exists and is not empty. Choose a new output directory or remove it.`);
  }
  const kept = (await loadJournal(staging, fingerprint)) ?? new Map<string, JournalUnit>();
  if (kept.size === 0) await rm(staging, { recursive: true, force: true });
  else await removeTempFiles(staging);
  await mkdir(staging, { recursive: true });
  await startJournal(staging, fingerprint, kept.values());

  const totalSamples = examples.reduce((a, e) => a + (e.stop - e.start), 0);
  const shardInfos = new Map<string, ShardInfo>();
  let reusedShards = 0;
  let reusedChapters = 0;
  for (const p of plans) {
    for (const s of p.shards) {
      const u = kept.get(s.file);
      if (u) {
        shardInfos.set(s.file, { file: s.file, format: p.format, split: p.split, examples: u.examples, bytes: u.files[0]!.bytes, sha256: u.files[0]!.sha256 });
        reusedShards++;
      }
    }
  }

  const storage = getStorage();
  const writers = new Map<string, TFRecordWriter>();
  let doneSamples = 0;
  let doneExamples = 0;
  let lastReport = 0;
  const report = (force = false) => {
    const now = performance.now();
    if (!opts.progress || (!force && now - lastReport < 250)) return;
    lastReport = now;
    const fraction = totalSamples > 0 ? doneSamples / totalSamples : 1;
    const elapsed = (now - t0) / 1000;
    const eta = fraction > 0 ? (elapsed * (1 - fraction)) / fraction : Infinity;
    opts.progress(
      Math.min(0.99, fraction),
      `${doneExamples}/${examples.length} examples · ${(doneSamples / EXPORT_SAMPLE_RATE / 3600).toFixed(2)}/${(totalSamples / EXPORT_SAMPLE_RATE / 3600).toFixed(2)} h · ETA ${formatEta(eta)}`,
    );
  };

  const finishShard = async (key: string, format: 'tfrecord' | 't2t', split: Split, shard: PlannedShard) => {
    const w = writers.get(key)!;
    writers.delete(key);
    const info = await w.close();
    const s: ShardInfo = { file: shard.file, format, split, examples: info.records, bytes: info.bytes, sha256: info.sha256 };
    shardInfos.set(shard.file, s);
    await appendJournal(staging, { unit: shard.file, examples: info.records, files: [{ file: shard.file, bytes: info.bytes, sha256: info.sha256 }] });
    opts.onShardDone?.(s);
  };

  const writeRecord = async (format: 'tfrecord' | 't2t', e: Planned, slot: { shard: PlannedShard; last: boolean }, bytes: () => Uint8Array) => {
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

  try {
    const byChapter = new Map<number, Planned[]>();
    for (const e of examples) {
      const xs = byChapter.get(e.chapterIndex);
      if (xs) xs.push(e);
      else byChapter.set(e.chapterIndex, [e]);
    }
    for (const [chapterIndex, xs] of [...byChapter].sort((a, b) => a[0] - b[0])) {
      signal?.throwIfAborted();
      const chapter = sel.chapters[chapterIndex]!;
      const lsUnit = `librispeech:${chapter.id}`;
      const needLs = wantLs && !kept.has(lsUnit);
      if (wantLs && !needLs) reusedChapters++;
      const wav = storage.localPath(chapter.pcmKey);
      const lsFiles: JournalFile[] = [];
      const transcripts = new Map<string, string[]>();
      for (const e of xs) {
        signal?.throwIfAborted();
        const needTf = e.tf !== undefined && !shardInfos.has(e.tf.shard.file);
        const needT2t = e.t2t !== undefined && !shardInfos.has(e.t2t.shard.file);
        if (needTf || needT2t || needLs) {
          const cut = await cutSamples(wav, { begin: e.begin, end: e.end, padMs: settings.padMs, limits: e.limits });
          if (cut.start !== e.start || cut.end !== e.stop || cut.sampleRate !== EXPORT_SAMPLE_RATE) {
            throw new AppError(
              'CONFLICT',
              `The audio of chapter ${chapter.position + 1} (${chapter.title ?? chapter.id}) no longer matches its database record. Re-ingest the audio file, then export again.`,
              { chapterId: chapter.id, fragmentId: e.id },
            );
          }
          const samples = cut.samples;
          if (needTf) {
            await writeRecord('tfrecord', e, e.tf!, () =>
              encodeSpeechExample({
                id: e.id,
                samples,
                sampleRate: EXPORT_SAMPLE_RATE,
                text: e.text,
                textOriginal: e.textOriginal,
                targets: e.targets,
                speakerId: e.speakerId,
                bookId: e.bookId,
                chapterId: e.chapterId,
                confidence: e.confidence,
                reviewStatus: e.status,
              }),
            );
          }
          if (needT2t) {
            await writeRecord('t2t', e, e.t2t!, () =>
              encodeT2TExample({ id: e.id, samples, text: e.text, targets: t2tTargets(e.targets), speakerId: e.speakerId }),
            );
          }
          if (needLs) {
            const flac = encodeFlac(samples, EXPORT_SAMPLE_RATE);
            await writeFileAtomic(path.join(staging, e.flac!), flac);
            lsFiles.push({ file: e.flac!, bytes: flac.length, sha256: createHash('sha256').update(flac).digest('hex') });
            const lines = transcripts.get(e.transcript!) ?? [];
            lines.push(transcriptLine(e.uttId!, e.text));
            transcripts.set(e.transcript!, lines);
          }
        }
        doneSamples += e.stop - e.start;
        doneExamples++;
        report();
      }
      if (needLs) {
        for (const [file, lines] of transcripts) {
          const body = utf8.encode(`${lines.join('\n')}\n`);
          await writeFileAtomic(path.join(staging, file), body);
          lsFiles.push({ file, bytes: body.length, sha256: createHash('sha256').update(body).digest('hex') });
        }
        await appendJournal(staging, { unit: lsUnit, examples: xs.length, files: lsFiles });
      }
    }
  } catch (err) {
    for (const w of writers.values()) await w.abort();
    throw err;
  }
  report(true);

  // Small files, rewritten on every run.
  await writeFileAtomic(path.join(staging, 'vocab.txt'), `${sel.vocab.join('\n')}\n`);
  if (wantJsonl) {
    for (const split of SPLITS) {
      const lines = examples
        .filter((e) => e.split === split)
        .map((e) => manifestLine({ audioFilepath: e.flac!, duration: (e.stop - e.start) / EXPORT_SAMPLE_RATE, text: e.text, id: e.id, speakerId: e.speakerId }));
      await writeFileAtomic(path.join(staging, 'manifests', `${split}.jsonl`), lines.length ? `${lines.join('\n')}\n` : '');
    }
  }

  const shards: ShardInfo[] = plans.flatMap((p) => p.shards.map((s) => shardInfos.get(s.file)!));
  if (shards.some((s) => !s)) throw new Error('runExport: a planned shard was not written');
  const stats = splitStats(examples);
  const dataset = {
    schemaVersion: DATASET_SCHEMA_VERSION,
    createdAt: new Date().toISOString(),
    generator: 'alinea',
    source: { projectId: project.id, projectName: project.name, books: sel.books },
    settings,
    /** What one example is: a paragraph, or one sentence of a paragraph (id <fragmentId>.s<k>). */
    unit: settings.unit,
    split: {
      ratios: settings.ratios,
      group: settings.group,
      seed: settings.seed,
      mode: 'balanced by hours; groups of earlier exports of the project keep their split',
      groups: Object.fromEntries([...sel.groups].sort(([a], [b]) => (a < b ? -1 : 1))),
    },
    splits: stats,
    excluded: sel.excluded,
    sampleRate: EXPORT_SAMPLE_RATE,
    vocab: { file: 'vocab.txt', size: sel.vocab.length, blank: 0, space: '<space>' },
    features: Object.fromEntries(
      Object.entries(SPEECH_FEATURE_SPEC).map(([k, type]) => [k, { type, shape: k === 'targets' ? 'varlen' : 'scalar' }]),
    ),
    tfrecord: wantTf ? { dir: 'tfrecord', compression: settings.gzip ? 'GZIP' : null } : null,
    t2t: wantT2t
      ? {
          dir: 'tfrecord-t2t',
          problem: T2T_PROBLEM,
          features: Object.fromEntries(
            Object.entries(T2T_FEATURE_SPEC).map(([k, type]) => [k, { type, shape: k === 'waveform_lens' ? 'scalar' : 'varlen' }]),
          ),
          targets: `vocab.txt id + ${T2T_ID_OFFSET}, then EOS: ${T2T_PAD} = PAD and ${T2T_EOS} = EOS are reserved (tensor2tensor text encoder convention)`,
          waveforms: 'int16 sample / 32767',
        }
      : null,
    librispeech: wantLs
      ? {
          dir: 'librispeech',
          speakers: Object.fromEntries(speakerNo),
          chapters: Object.fromEntries(
            sel.chapters.map((c) => [c.id, { id: chapterNo.get(c.id)!, bookId: c.bookId, position: c.position, title: c.title, speaker: speakerNo.get(c.speakerId)! }]),
          ),
          utterance: settings.unit === 'sentence' ? 'sentence number within its chapter (over its aligned paragraphs)' : 'fragment position within its chapter',
          files: examples.length,
        }
      : null,
    manifests: wantJsonl ? Object.fromEntries(SPLITS.map((s) => [s, `manifests/${s}.jsonl`])) : null,
    shards,
  };
  await writeFileAtomic(path.join(staging, 'dataset.json'), `${JSON.stringify(dataset, null, 1)}\n`);
  await rm(path.join(staging, JOURNAL_FILE), { force: true });
  signal?.throwIfAborted();
  if (await exists(dir)) await rmdir(dir); // empty (checked above)
  await rename(staging, dir);
  await saveSplitRegistry(settings, sel.groups);

  const s = splitStats(examples);
  const result: ExportStats = {
    splits: s,
    examples: examples.length,
    hours: Math.round((totalSamples / EXPORT_SAMPLE_RATE / 3600) * 1e4) / 1e4,
    shards: shards.length,
    bytes: shards.reduce((a, x) => a + x.bytes, 0),
    reused: { shards: reusedShards, chapters: reusedChapters },
    seconds: Math.round((performance.now() - t0) / 10) / 100,
    excluded: sel.excluded,
  };
  opts.progress?.(1, `${examples.length} examples · ${result.hours.toFixed(2)} h · done in ${result.seconds} s`);
  return result;
}

/** tensor2tensor targets: ids shifted past PAD/EOS, EOS appended. */
export function t2tTargets(targets: readonly number[]): number[] {
  const out = targets.map((t) => t + T2T_ID_OFFSET);
  out.push(T2T_EOS);
  return out;
}

async function exists(p: string): Promise<boolean> {
  try {
    await readdir(p);
    return true;
  } catch {
    return false;
  }
}

async function isNonEmptyDir(p: string): Promise<boolean> {
  try {
    return (await readdir(p)).length > 0;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOTDIR') return true;
    return false;
  }
}
