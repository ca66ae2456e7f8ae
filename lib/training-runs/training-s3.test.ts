// Training with the files in an S3-compatible bucket (s3rver) and workers that share no disk with the web server:
// each "machine" below is the same database with its own ALINEA_DATA_DIR. A worker trains from the export in the
// bucket, its checkpoints land under runs/<id>/checkpoints and nothing stays on its disk; the web side shows the
// run, serves its checkpoint and loads its model; another worker checks a chapter with it; a run that crashed on
// one worker resumes on another from the stored checkpoint, to the very weights of a run never interrupted.
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetConfigForTests } from '../config/env.ts';
import { getDb } from '../db/client.ts';
import { createJobRegistry } from '../jobs/create-job-registry.ts';
import type { JobContext } from '../jobs/job-definition.ts';
import { workJobs } from '../jobs/work-jobs.ts';
import { getStorage } from '../storage/storage.ts';
import { seedExportCorpus } from '../testing/seed-export-corpus.ts';
import { seedTrainingExport } from '../testing/training-test-fixture.ts';
import { useS3TestStorage } from '../testing/use-s3-test-storage.ts';
import { useTestEnv } from '../testing/use-test-env.ts';
import { getTrainingRun } from './get-training-run.ts';
import { loadRunModel } from './load-run-model.ts';
import { readRunCheckpointFile } from './read-run-checkpoint-file.ts';
import { runTrainingRun } from './run-training-run.ts';
import { getChapterCheck, startChapterCheck } from './start-chapter-check.ts';
import { startTrainingRun } from './start-training-run.ts';
import { checkChapterJob, trainModelJob } from './training-jobs.ts';

const registry = createJobRegistry([trainModelJob, checkChapterJob]);
const tiny = { backend: 'cpu', model: 'tiny', batchSize: 4, lr: 3e-3 };

const s3 = useS3TestStorage({ bucket: 'alinea-training' });
const env = useTestEnv();
let machines: string;
beforeAll(async () => {
  machines = await mkdtemp(path.join(tmpdir(), 'alinea-training-machines-'));
});
afterAll(async () => {
  await rm(machines, { recursive: true, force: true });
});

/** Runs `fn` as a process whose ALINEA_DATA_DIR is `<machines>/<name>` (same database, same bucket). */
async function onMachine<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const web = process.env.ALINEA_DATA_DIR;
  process.env.ALINEA_DATA_DIR = path.join(machines, name);
  resetConfigForTests();
  try {
    return await fn();
  } finally {
    process.env.ALINEA_DATA_DIR = web;
    resetConfigForTests();
  }
}

/** Every file under `dir` (folders may stay). */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => !e.isDirectory()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

/** A succeeded tfrecord export whose files are only in the bucket, as the export job leaves it (exports/<id>/, dataset.json last). */
async function seedStoredExport(): Promise<string> {
  const exportId = await onMachine('exporter', async () => {
    const { exportId, dir } = await seedTrainingExport(path.join(machines, 'exporter'));
    // the other formats an export may hold, which training does not read
    await mkdir(path.join(dir, 'librispeech'));
    await writeFile(path.join(dir, 'librispeech', 'big.flac'), Buffer.alloc(200_000, 1));
    await getStorage().putDirectory(`exports/${exportId}`, dir, { move: true, last: ['dataset.json'] });
    return exportId;
  });
  await rm(path.join(machines, 'exporter'), { recursive: true, force: true });
  await getDb().export.update({ where: { id: exportId }, data: { storageKey: `exports/${exportId}`, dir: `s3://${s3.server.bucket}/studio/exports/${exportId}` } });
  return exportId;
}

async function storedCheckpointFiles(runId: string): Promise<string[]> {
  const prefix = `runs/${runId}/checkpoints/`;
  return (await getStorage().list(`runs/${runId}/checkpoints`)).map((e) => e.key.slice(prefix.length));
}
const files = (...steps: number[]) => steps.flatMap((s) => [`step-${String(s).padStart(8, '0')}/manifest.json`, `step-${String(s).padStart(8, '0')}/weights.bin`]);

function context(onProgress: (fraction: number, message?: string) => void = () => {}): JobContext {
  return { jobId: 'test', attempt: 1, isFinalAttempt: false, signal: new AbortController().signal, progress: onProgress };
}

describe('training on S3 storage, workers without a shared disk', () => {
  it('a worker trains from the bucket; the web side shows, serves and loads the model; another worker checks a chapter', async () => {
    expect(getStorage().kind).toBe('s3');
    const exportId = await seedStoredExport();
    const queued = await startTrainingRun(exportId, { ...tiny, steps: 4, checkpointEvery: 2 });
    expect(queued).toMatchObject({ status: 'queued', hasCheckpoint: false });
    await expect(readRunCheckpointFile({ runId: queued.id, file: 'manifest.json' })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    await onMachine('worker-1', () => workJobs({ registry, types: ['train-model'], untilIdle: true, pollMs: 20 }));
    expect(await storedCheckpointFiles(queued.id)).toEqual(files(2, 4));
    expect(await getDb().trainingRun.findUniqueOrThrow({ where: { id: queued.id } })).toMatchObject({ checkpointKey: `runs/${queued.id}/checkpoints`, checkpointDir: null });
    // nothing stays on the worker's disk: not the export's shards, not a checkpoint
    expect(existsSync(path.join(machines, 'worker-1', 'train-scratch'))).toBe(true); // it worked there
    expect(await filesUnder(path.join(machines, 'worker-1'))).toEqual([]);
    // and nothing was written on the web side's
    expect(await filesUnder(env.dataDir)).toEqual(expect.not.arrayContaining([expect.stringMatching(/^(runs|files|train-scratch)\//)]));

    const run = await getTrainingRun(queued.id);
    expect(run).toMatchObject({ status: 'succeeded', step: 4, hasCheckpoint: true, error: null });
    expect(run.devCer).toBeGreaterThan(0);
    expect(run.testCer).toBeGreaterThan(0); // the test split was read from the worker's copy too
    const manifest = await readRunCheckpointFile({ runId: run.id, file: 'manifest.json' });
    expect(manifest.step).toBe(4);
    expect(JSON.parse(Buffer.from(manifest.bytes).toString('utf8'))).toMatchObject({ format: 'alinea-ctc-checkpoint', step: 4 });
    const weights = await readRunCheckpointFile({ runId: run.id, file: 'weights.bin', step: '2' });
    expect(Buffer.from(weights.bytes).equals(await getStorage().readAll(`runs/${run.id}/checkpoints/step-00000002/weights.bin`))).toBe(true);
    await expect(readRunCheckpointFile({ runId: run.id, file: 'weights.bin', step: '3' })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const loaded = await loadRunModel(run.id);
    expect(loaded).toMatchObject({ step: 4, checkpoint: `runs/${run.id}/checkpoints/step-00000004` });
    expect(loaded.vocab[0]).toBe('<blank>');
    loaded.model.dispose();

    // a check-chapter job on a third machine, the chapter's audio in the bucket too
    const { books } = await seedExportCorpus({ books: 1, chaptersPerBook: 1 });
    const chapter = books[0]!.chapters[0]!;
    await startChapterCheck(chapter.id, { runId: run.id, threshold: 0.7, force: true }, { role: 'admin' }); // a 4-step model is too weak to be trusted
    await onMachine('worker-2', () => workJobs({ registry, types: ['check-chapter'], untilIdle: true, pollMs: 20 }));
    const check = await getChapterCheck(chapter.id);
    expect(check).toMatchObject({ status: 'succeeded', result: { runId: run.id, checkpoint: `runs/${run.id}/checkpoints/step-00000004` } });
    const aligned = (check!.result as { checked: number }).checked;
    expect(aligned).toBeGreaterThan(0);
    const heard = await getDb().fragment.findMany({ where: { id: { in: chapter.fragmentIds }, modelCer: { not: null } } });
    expect(heard).toHaveLength(aligned);
    expect(await filesUnder(path.join(machines, 'worker-2'))).toEqual([]);
  });

  it('a run that crashed on one worker resumes on another from the stored checkpoint, to the weights of an uninterrupted run', async () => {
    const exportId = await seedStoredExport();
    const settings = { ...tiny, steps: 5, checkpointEvery: 2, augment: false };
    const crashed = await startTrainingRun(exportId, settings);
    // worker A dies during step 3, after the step-2 checkpoint is in the bucket
    const crash = context((fraction) => {
      if (fraction >= 3 / 5) throw new Error('worker crashed');
    });
    await expect(onMachine('worker-a', () => runTrainingRun(crashed.id, crash))).rejects.toThrow('worker crashed');
    expect(await storedCheckpointFiles(crashed.id)).toEqual(files(2));
    expect(await filesUnder(path.join(machines, 'worker-a'))).toEqual([]);

    // worker B has a fresh, empty data directory: all it has is the database and the bucket
    const messages: string[] = [];
    let copied: string[] = [];
    const scratchExport = path.join(machines, 'worker-b', 'train-scratch', crashed.id, 'export');
    const resumed = await onMachine('worker-b', () =>
      runTrainingRun(
        crashed.id,
        context((_f, m) => {
          if (m) messages.push(m);
          if (m?.startsWith('Step 3/')) copied = readdirSync(scratchExport, { recursive: true }).map(String).sort();
        }),
      ),
    );
    // while it trained: a copy of what training reads, not the export's other files
    expect(copied).toEqual(['dataset.json', 'tfrecord', ...['dev', 'test', 'train'].flatMap((s) => [0, 1].map((i) => path.join('tfrecord', `${s}-0000${i}-of-00002.tfrecord`))), 'vocab.txt'].sort());
    expect(resumed).toMatchObject({ status: 'succeeded', step: 5, checkpoint: `runs/${crashed.id}/checkpoints/step-00000005` });
    expect(messages[0]).toBe('Resuming from step 2…');
    expect(messages[1]).toMatch(/^Step 3\/5 /);
    expect(await storedCheckpointFiles(crashed.id)).toEqual(files(2, 4, 5));
    expect(existsSync(path.join(machines, 'worker-b', 'train-scratch'))).toBe(true);
    expect(await filesUnder(path.join(machines, 'worker-b'))).toEqual([]);
    expect((await getTrainingRun(crashed.id)).metrics.map((m) => m.step)).toEqual([1, 2, 3, 4, 5]);

    // the same settings, never interrupted: the same weights (and optimizer state) at step 5
    const straight = await startTrainingRun(exportId, settings);
    await onMachine('worker-c', () => runTrainingRun(straight.id, context()));
    const final = (id: string) => getStorage().readAll(`runs/${id}/checkpoints/step-00000005/weights.bin`);
    expect((await final(crashed.id)).equals(await final(straight.id))).toBe(true);
  });
});
