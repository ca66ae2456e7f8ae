// The export itself (the body of the export-corpus job and of `alinea export`). Writes DESIGN.md's layout:
//   dataset.json  vocab.txt  tfrecord/{split}-NNNNN-of-MMMMM.tfrecord[.gz]
//   tfrecord-t2t/alinea_speech-{split}-NNNNN-of-MMMMM      (optional, tensor2tensor names)
//   librispeech/{split}/<spk>/<chap>/<spk>-<chap>-<utt>.flac + <spk>-<chap>.trans.txt
//   manifests/{split}.jsonl
// Order: books (creation), chapters (position), fragments (position), sentences (with unit 'sentence').
// Everything is planned from the database first (planExport: exact record sizes → shard boundaries), then
// chapters are processed one at a time, cutting each utterance from the chapter's WAV (writeExportFiles), so
// memory does not grow with the corpus; dataset.json comes last (buildDatasetManifest). All of it is written
// into `<dir>.partial/` (each file under a temp name, then renamed) and the directory is renamed to `<dir>` at
// the end. A journal there lets a restarted export keep the shards and chapters already finished.
import { mkdir, readdir, rename, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../errors/app-error.ts';
import { getDb } from '../db/client.ts';
import { writeFileAtomic } from '../storage/write-file-atomic.ts';
import { manifestLine } from '../corpus/manifest-line.ts';
import { SPLITS, type Split } from '../corpus/split-corpus.ts';
import { buildDatasetManifest } from './build-dataset-manifest.ts';
import type { ExportSettings } from './export-settings.ts';
import { JOURNAL_FILE, loadJournal, startJournal, type JournalUnit } from './export-journal.ts';
import { planExport } from './plan-export.ts';
import { saveSplitRegistry } from './split-registry.ts';
import { EXPORT_SAMPLE_RATE, selectExamples, splitStats, type SplitStats } from './select-examples.ts';
import { writeExportFiles, type ShardInfo } from './write-export-files.ts';

export type { ShardInfo } from './write-export-files.ts';

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
  const plan = planExport(sel, settings);
  const { examples, totalSamples } = plan;

  // Staging directory: resume from its journal when the plan is the same, else start clean.
  await mkdir(path.dirname(dir), { recursive: true });
  if (await isNonEmptyDir(dir)) {
    throw new AppError('CONFLICT', `${dir} already exists and is not empty. Choose a new output directory or remove it.`);
  }
  const kept = (await loadJournal(staging, plan.fingerprint)) ?? new Map<string, JournalUnit>();
  if (kept.size === 0) await rm(staging, { recursive: true, force: true });
  else await removeTempFiles(staging);
  await mkdir(staging, { recursive: true });
  await startJournal(staging, plan.fingerprint, kept.values());

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

  const { shards, reused } = await writeExportFiles({
    plan,
    chapters: sel.chapters,
    settings,
    staging,
    kept,
    signal,
    onShardDone: opts.onShardDone,
    onExample: (e) => {
      doneSamples += e.stop - e.start;
      doneExamples++;
      report();
    },
  });
  report(true);

  // Small files, rewritten on every run.
  await writeFileAtomic(path.join(staging, 'vocab.txt'), `${sel.vocab.join('\n')}\n`);
  if (settings.formats.includes('jsonl')) {
    for (const split of SPLITS) {
      const lines = examples
        .filter((e) => e.split === split)
        .map((e) => manifestLine({ audioFilepath: e.flac!, duration: (e.stop - e.start) / EXPORT_SAMPLE_RATE, text: e.text, id: e.id, speakerId: e.speakerId }));
      await writeFileAtomic(path.join(staging, 'manifests', `${split}.jsonl`), lines.length ? `${lines.join('\n')}\n` : '');
    }
  }

  const stats = splitStats(examples);
  const dataset = buildDatasetManifest({ project, settings, selection: sel, plan, stats, shards, createdAt: new Date() });
  await writeFileAtomic(path.join(staging, 'dataset.json'), `${JSON.stringify(dataset, null, 1)}\n`);
  await rm(path.join(staging, JOURNAL_FILE), { force: true });
  signal?.throwIfAborted();
  if (await exists(dir)) await rmdir(dir); // empty (checked above)
  await rename(staging, dir);
  await saveSplitRegistry(settings, sel.groups);

  const result: ExportStats = {
    splits: stats,
    examples: examples.length,
    hours: Math.round((totalSamples / EXPORT_SAMPLE_RATE / 3600) * 1e4) / 1e4,
    shards: shards.length,
    bytes: shards.reduce((a, x) => a + x.bytes, 0),
    reused,
    seconds: Math.round((performance.now() - t0) / 10) / 100,
    excluded: sel.excluded,
  };
  opts.progress?.(1, `${examples.length} examples · ${result.hours.toFixed(2)} h · done in ${result.seconds} s`);
  return result;
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
