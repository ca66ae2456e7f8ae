// Builds an export into a local staging directory (the body shared by `alinea export --out DIR`, which renames it
// into place, and the export-corpus job, which publishes it to storage: run-export.ts, publish-export.ts).
// Everything is planned from the database first (planExport: exact record sizes → shard boundaries), then
// chapters are processed one at a time, cutting each utterance from the chapter's WAV (writeExportFiles), so
// memory does not grow with the corpus; dataset.json comes last (buildDatasetManifest). Each file is written under
// a temp name, then renamed. A journal in the staging directory lets a restarted build keep the shards and
// chapters already finished; it is removed once dataset.json is written.
import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { getDb } from '../db/client.ts';
import { writeFileAtomic } from '../storage/write-file-atomic.ts';
import { manifestLine } from '../corpus/manifest-line.ts';
import { SPLITS, type Split } from '../corpus/split-corpus.ts';
import { buildDatasetManifest } from './build-dataset-manifest.ts';
import type { ExportSettings } from './export-settings.ts';
import { journalIn, loadJournal, startJournal, type Journal, type JournalUnit } from './export-journal.ts';
import { planExport } from './plan-export.ts';
import { EXPORT_SAMPLE_RATE, selectExamples, splitStats, type SplitStats } from './select-examples.ts';
import { writeExportFiles, type ShardInfo } from './write-export-files.ts';

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

/** The file a reader trusts: it lists every other file, so it is written (and published) last. */
export const EXPORT_MANIFEST = 'dataset.json';

export type BuildExportOptions = {
  settings: ExportSettings;
  /** The staging directory: created, or resumed from its journal when it holds an earlier build of the same plan. */
  staging: string;
  /**
   * The journal file, when not in the staging directory (`<staging>/.journal.jsonl`, removed once dataset.json is
   * written). One kept outside stays, so a build whose publish failed resumes with every unit; the caller removes it.
   */
  journalFile?: string;
  signal?: AbortSignal;
  progress?: (fraction: number, message: string) => void;
  /** Test hook: called after each shard is finished (e.g. to simulate a crash). */
  onShardDone?: (shard: ShardInfo) => void;
};

export type BuiltExport = {
  stats: ExportStats;
  /** Which split each group went to (saveSplitRegistry, once the export is in place). */
  groups: ReadonlyMap<string, Split>;
  /** performance.now() at the start, for the total time. */
  startedAt: number;
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

export async function buildExport(opts: BuildExportOptions): Promise<BuiltExport> {
  const t0 = performance.now();
  const { settings, signal, staging } = opts;
  const sel = await selectExamples(settings);
  signal?.throwIfAborted();
  const project = await getDb().project.findUniqueOrThrow({ where: { id: settings.projectId }, select: { id: true, name: true } });
  const plan = planExport(sel, settings);
  const { examples, totalSamples } = plan;

  // Resume from the journal when the plan is the same, else start clean.
  const journal: Journal = opts.journalFile ? { file: opts.journalFile, dir: staging } : journalIn(staging);
  const kept = (await loadJournal(journal, plan.fingerprint)) ?? new Map<string, JournalUnit>();
  if (kept.size === 0) await rm(staging, { recursive: true, force: true });
  else await removeTempFiles(staging);
  await mkdir(staging, { recursive: true });
  await mkdir(path.dirname(journal.file), { recursive: true });
  await startJournal(journal, plan.fingerprint, kept.values());

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
    journal,
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
  await writeFileAtomic(path.join(staging, EXPORT_MANIFEST), `${JSON.stringify(dataset, null, 1)}\n`);
  if (!opts.journalFile) await rm(journal.file, { force: true });

  return {
    stats: {
      splits: stats,
      examples: examples.length,
      hours: Math.round((totalSamples / EXPORT_SAMPLE_RATE / 3600) * 1e4) / 1e4,
      shards: shards.length,
      bytes: shards.reduce((a, x) => a + x.bytes, 0),
      reused,
      seconds: Math.round((performance.now() - t0) / 10) / 100,
      excluded: sel.excluded,
    },
    groups: sel.groups,
    startedAt: t0,
  };
}

/** The stats with the total time since the build started, and the final progress line. */
export function finishExportStats(built: BuiltExport, progress?: (fraction: number, message: string) => void): ExportStats {
  const stats = { ...built.stats, seconds: Math.round((performance.now() - built.startedAt) / 10) / 100 };
  progress?.(1, `${stats.examples} examples · ${stats.hours.toFixed(2)} h · done in ${stats.seconds} s`);
  return stats;
}
