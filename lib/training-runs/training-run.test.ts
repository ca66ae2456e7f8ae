// Integration: training runs through the job queue against a real SQLite database, on the tfjs cpu backend with
// the tiny model (a few steps take well under a second each).
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTestEnv } from '../testing/use-test-env.ts';
import { getDb } from '../db/client.ts';
import { trainModelJob } from './training-jobs.ts';
import { createJobRegistry } from '../jobs/create-job-registry.ts';
import type { JobContext } from '../jobs/job-definition.ts';
import { workJobs } from '../jobs/work-jobs.ts';
import { getTrainingRun } from './get-training-run.ts';
import { listTrainingRuns } from './list-training-runs.ts';
import { runTrainingRun } from './run-training-run.ts';
import { startTrainingRun } from './start-training-run.ts';
import { stopTrainingRun } from './stop-training-run.ts';
import { resumeTrainingRun } from './resume-training-run.ts';
import { seedTrainingExport } from '../testing/training-test-fixture.ts';
import { getStorage } from '../storage/storage.ts';

const jobRegistry = createJobRegistry([trainModelJob]);

const tiny = { backend: 'cpu', model: 'tiny', batchSize: 4, lr: 3e-3 };
const work = (signal?: AbortSignal) => workJobs({ registry: jobRegistry, types: ['train-model'], untilIdle: true, pollMs: 20, signal });

function fakeContext(onProgress: (fraction: number, message?: string) => void = () => {}, controller = new AbortController()): JobContext {
  return { jobId: 'test', attempt: 1, isFinalAttempt: false, signal: controller.signal, progress: onProgress };
}

/** The run's checkpoint files in storage: 'step-00000002/manifest.json', … */
async function storedCheckpointFiles(runId: string): Promise<string[]> {
  const prefix = `runs/${runId}/checkpoints/`;
  return (await getStorage().list(`runs/${runId}/checkpoints`)).map((e) => e.key.slice(prefix.length));
}

const files = (...steps: number[]) => steps.flatMap((s) => [`step-${String(s).padStart(8, '0')}/manifest.json`, `step-${String(s).padStart(8, '0')}/weights.bin`]);

describe('training runs', () => {
  const env = useTestEnv({ env: { ALINEA_JOB_LEASE_SECONDS: '5' } });

  it('trains through the queue: row updated, checkpoints written, dev and test CER stored', async () => {
    const { exportId } = await seedTrainingExport(env.dataDir);
    const started = await startTrainingRun(exportId, { ...tiny, steps: 4, checkpointEvery: 2 });
    expect(started).toMatchObject({ status: 'queued', step: 0, steps: 4, settings: { model: 'tiny', backend: 'cpu' } });
    await work();
    const run = await getTrainingRun(started.id);
    expect(run).toMatchObject({ status: 'succeeded', step: 4, backend: 'cpu', device: expect.stringContaining('cpu'), hasCheckpoint: true, error: null });
    expect(run.lastLoss).toBeGreaterThan(0);
    expect(run.devCer).toBeGreaterThan(0);
    expect(run.testCer).toBeGreaterThan(0);
    expect(run.testWer).toBeGreaterThan(0);
    expect(run.utterancesPerSec).toBeGreaterThan(0);
    expect(run.metrics.map((m) => m.step)).toEqual([1, 2, 3, 4]);
    expect(run.metrics.every((m) => m.lossUnit === 'char')).toBe(true);
    expect(run).toMatchObject({ lossUnit: 'char', lastLoss: run.metrics.at(-1)!.loss });
    // a loss per character of a model that has learnt nothing: a few nats (log of ~28 classes), not hundreds
    expect(run.lastLoss).toBeLessThan(20);
    expect(run.metrics.filter((m) => m.devCer !== undefined).map((m) => m.step)).toEqual([2, 4]);
    // in storage (here the local directory, <dataDir>/files), and nothing left in the job's scratch folder
    expect(await storedCheckpointFiles(run.id)).toEqual(files(2, 4));
    expect(await readdir(path.join(env.dataDir, 'files', 'runs', run.id, 'checkpoints'))).toEqual(['step-00000002', 'step-00000004']);
    expect(await getDb().trainingRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ checkpointKey: `runs/${run.id}/checkpoints`, checkpointDir: null });
    expect(await readdir(path.join(env.dataDir, 'train-scratch'))).toEqual([]);
    expect(existsSync(path.join(env.dataDir, 'runs'))).toBe(false);
    expect((await getDb().job.findUniqueOrThrow({ where: { id: run.jobId! } })).status).toBe('succeeded');
    const listed = await listTrainingRuns({ exportId });
    expect(listed.map((r) => r.id)).toEqual([run.id]);
    const project = await getDb().project.findFirstOrThrow({ where: { exports: { some: { id: exportId } } } });
    expect(listed[0]!.source).toMatchObject({ projectId: project.id, projectName: project.name, exportId });
    expect(run.source).toEqual(listed[0]!.source);
    await expect(startTrainingRun(exportId, { steps: 0 })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('on local storage reads an export kept in storage in place, without copying it', async () => {
    const { exportId, dir } = await seedTrainingExport(env.dataDir);
    await getStorage().putDirectory(`exports/${exportId}`, dir, { move: true, last: ['dataset.json'] });
    await getDb().export.update({ where: { id: exportId }, data: { storageKey: `exports/${exportId}`, dir: getStorage().localPath(`exports/${exportId}`) } });
    expect(existsSync(dir)).toBe(false);
    const run = await startTrainingRun(exportId, { ...tiny, steps: 2, checkpointEvery: 2 });
    const scratch = path.join(env.dataDir, 'train-scratch', run.id);
    let during: string[] | null = null;
    const r = await runTrainingRun(
      run.id,
      fakeContext((_f, m) => {
        if (m?.startsWith('Step 1/')) during = readdirSync(scratch);
      }),
    );
    expect(r).toMatchObject({ status: 'succeeded', step: 2, checkpoint: `runs/${run.id}/checkpoints/step-00000002` });
    expect(during).not.toBeNull();
    expect(during).not.toContain('export'); // the stored folder itself was read
    expect((await getTrainingRun(run.id)).testCer).toBeGreaterThan(0);
    expect(await storedCheckpointFiles(run.id)).toEqual(files(2));
    expect(existsSync(scratch)).toBe(false);
  });

  it('resumes from the newest checkpoint when the job runs again after a crash', async () => {
    const { exportId } = await seedTrainingExport(env.dataDir);
    const run = await startTrainingRun(exportId, { ...tiny, steps: 5, checkpointEvery: 2 });
    // The first attempt dies during step 3 (after the step-2 checkpoint): no final checkpoint is written.
    const crash = fakeContext((fraction) => {
      if (fraction >= 3 / 5) throw new Error('worker crashed');
    });
    await expect(runTrainingRun(run.id, crash)).rejects.toThrow('worker crashed');
    expect(await storedCheckpointFiles(run.id)).toEqual(files(2));
    expect(await readdir(path.join(env.dataDir, 'train-scratch'))).toEqual([]); // removed however the attempt ends
    const crashed = await getDb().trainingRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(crashed).toMatchObject({ status: 'running', error: 'worker crashed' });

    const messages: string[] = [];
    const r = await runTrainingRun(run.id, fakeContext((_f, m) => m && messages.push(m)));
    expect(r).toMatchObject({ status: 'succeeded', step: 5 });
    expect(messages[0]).toBe('Resuming from step 2…');
    // the loss per target character; no ETA in the message (the run's one ETA is the view's, from its metrics)
    expect(messages[1]).toMatch(/^Step 3\/5 · loss \d+\.\d{3} per character · [\d.]+ utt\/s$/);
    const done = await getTrainingRun(run.id);
    expect(done).toMatchObject({ status: 'succeeded', step: 5, error: null });
    expect(done.metrics.map((m) => m.step)).toEqual([1, 2, 3, 4, 5]);
    expect(await storedCheckpointFiles(run.id)).toEqual(files(2, 4, 5));
  });

  it('a run from before checkpoints were stored goes on in its local folder; one without checkpoints there moves to storage', async () => {
    const { exportId } = await seedTrainingExport(env.dataDir);
    const run = await startTrainingRun(exportId, { ...tiny, steps: 5, checkpointEvery: 2 });
    const crash = fakeContext((fraction) => {
      if (fraction >= 3 / 5) throw new Error('worker crashed');
    });
    await expect(runTrainingRun(run.id, crash)).rejects.toThrow('worker crashed');
    // make it an older run: its checkpoint in <dataDir>/runs/<id>/checkpoints, no checkpointKey
    const legacyDir = path.join(env.dataDir, 'runs', run.id, 'checkpoints');
    await mkdir(path.dirname(legacyDir), { recursive: true });
    await rename(getStorage().localPath(`runs/${run.id}/checkpoints`), legacyDir);
    await getDb().trainingRun.update({ where: { id: run.id }, data: { checkpointKey: null, checkpointDir: legacyDir } });
    expect(await getTrainingRun(run.id)).toMatchObject({ hasCheckpoint: true });

    const messages: string[] = [];
    expect(await runTrainingRun(run.id, fakeContext((_f, m) => m && messages.push(m)))).toMatchObject({ status: 'succeeded', step: 5, checkpoint: path.join(legacyDir, 'step-00000005') });
    expect(messages[0]).toBe('Resuming from step 2…');
    expect(await readdir(legacyDir)).toEqual(['step-00000002', 'step-00000004', 'step-00000005']);
    expect(await storedCheckpointFiles(run.id)).toEqual([]);
    expect(await getDb().trainingRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ checkpointKey: null, checkpointDir: legacyDir });

    // queued before the change (a checkpointDir, nothing in it): its checkpoints go to storage
    const queued = await startTrainingRun(exportId, { ...tiny, steps: 2, checkpointEvery: 2 });
    await getDb().trainingRun.update({ where: { id: queued.id }, data: { checkpointKey: null, checkpointDir: path.join(env.dataDir, 'runs', queued.id, 'checkpoints') } });
    await runTrainingRun(queued.id, fakeContext());
    expect(await storedCheckpointFiles(queued.id)).toEqual(files(2));
    expect(await getDb().trainingRun.findUniqueOrThrow({ where: { id: queued.id } })).toMatchObject({ checkpointKey: `runs/${queued.id}/checkpoints`, checkpointDir: null });
  });

  it("removes this machine's scratch folders of runs that ended elsewhere, keeps those of active runs", async () => {
    const { exportId } = await seedTrainingExport(env.dataDir);
    const ended = await startTrainingRun(exportId, { ...tiny, steps: 1 });
    await getDb().trainingRun.update({ where: { id: ended.id }, data: { status: 'succeeded' } });
    const active = await startTrainingRun(exportId, { ...tiny, steps: 1 });
    const run = await startTrainingRun(exportId, { ...tiny, steps: 1 });
    const left = (id: string) => path.join(env.dataDir, 'train-scratch', id, 'export', 'vocab.txt');
    for (const id of [ended.id, active.id, 'run_deleted']) {
      await mkdir(path.dirname(left(id)), { recursive: true });
      await writeFile(left(id), 'left by a crashed attempt');
    }
    await runTrainingRun(run.id, fakeContext());
    expect((await readdir(path.join(env.dataDir, 'train-scratch'))).sort()).toEqual([active.id]);
    expect(existsSync(left(active.id))).toBe(true);
  });

  it('stops a queued run at once and a running one with a final checkpoint', async () => {
    const { exportId } = await seedTrainingExport(env.dataDir);
    const queued = await startTrainingRun(exportId, { ...tiny, steps: 10 });
    expect((await stopTrainingRun(queued.id)).status).toBe('cancelled');
    await expect(stopTrainingRun(queued.id)).rejects.toMatchObject({ code: 'CONFLICT' });

    const long = await startTrainingRun(exportId, { ...tiny, steps: 100_000, checkpointEvery: 100_000 });
    const worker = work();
    await expect.poll(async () => (await getTrainingRun(long.id)).step, { timeout: 20_000, interval: 100 }).toBeGreaterThan(0);
    expect((await getTrainingRun(long.id)).status).toBe('running');
    await stopTrainingRun(long.id);
    await worker;
    const stopped = await getTrainingRun(long.id);
    expect(stopped.status).toBe('cancelled');
    expect(stopped.step).toBeGreaterThan(0);
    expect(stopped.step).toBeLessThan(100_000);
    expect(stopped.hasCheckpoint).toBe(true);
    expect(await storedCheckpointFiles(long.id)).toEqual(files(stopped.step));
    expect((await getDb().job.findUniqueOrThrow({ where: { id: long.jobId! } })).status).toBe('cancelled');

    // resume: the same job runs again from the final checkpoint and keeps the metrics so far
    const stoppedAt = stopped.step;
    await expect(resumeTrainingRun(queued.id).then((r) => r.status)).resolves.toBe('queued');
    await stopTrainingRun(queued.id);
    // (shorten the run so the test ends: 2 more steps)
    const row = await getDb().trainingRun.findUniqueOrThrow({ where: { id: long.id } });
    await getDb().trainingRun.update({ where: { id: long.id }, data: { settings: JSON.stringify({ ...JSON.parse(row.settings), steps: stoppedAt + 2 }) } });
    const resumed = await resumeTrainingRun(long.id);
    expect(resumed.status).toBe('queued');
    await expect(resumeTrainingRun(long.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    await work();
    const finished = await getTrainingRun(long.id);
    expect(finished.status).toBe('succeeded');
    expect(finished.step).toBe(stoppedAt + 2);
    expect(finished.metrics[0]!.step).toBe(1); // the metrics of the first stretch are kept
  }, 90_000);
});
