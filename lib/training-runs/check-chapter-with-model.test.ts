// Integration: check-chapter on a seeded chapter (real WAV, real fragments). The model is built here with a head
// that outputs "a" on every frame (greedy decoding collapses it to "a"), so this asserts the cutting, decoding,
// CER and flag logic, not recognition quality; a second check uses a model really trained by a run.
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { useTestEnv } from '../testing/use-test-env.ts';
import { getDb } from '../db/client.ts';
import { seedExportCorpus } from '../testing/seed-export-corpus.ts';
import { checkChapterJob, trainModelJob } from './training-jobs.ts';
import { createJobRegistry } from '../jobs/create-job-registry.ts';
import { workJobs } from '../jobs/work-jobs.ts';
import { buildVocab } from '../corpus/vocab.ts';
import { TRANSCRIPT_ALPHABET } from '../text/normalise-spanish.ts';
import { saveCheckpoint } from '../model/checkpoint.ts';
import { CtcEncoder } from '../model/model.ts';
import { selectBackend } from '../model/select-backend.ts';
import { checkChapterWithModel } from './check-chapter-with-model.ts';
import { getChapterCheck, startChapterCheck } from './start-chapter-check.ts';
import { startTrainingRun } from './start-training-run.ts';
import { seedTrainingExport } from '../testing/training-test-fixture.ts';
import { MODEL_SIZES } from './training-settings.ts';

const jobRegistry = createJobRegistry([trainModelJob, checkChapterJob]);

/** A succeeded run whose only checkpoint is a tiny model that always says "a". */
async function constantRun(dataDir: string): Promise<string> {
  await selectBackend('cpu');
  const { exportId } = await seedTrainingExport(dataDir);
  const vocab = buildVocab(TRANSCRIPT_ALPHABET);
  const model = new CtcEncoder({ ...MODEL_SIZES.tiny, inputDim: 80, seed: 1, vocabSize: vocab.length });
  const a = vocab.indexOf('a');
  for (const { name, variable } of model.variables) {
    if (name === 'head/w') variable.assign(tf.zerosLike(variable));
    if (name === 'head/b') variable.assign(tf.tensor1d(vocab.map((_, i) => (i === a ? 10 : 0))));
  }
  const id = `run_const_${Math.random().toString(36).slice(2, 8)}`;
  const checkpointDir = path.join(dataDir, 'runs', id, 'checkpoints');
  await saveCheckpoint(path.join(checkpointDir, 'step-00000001'), {
    step: 1, config: model.config, meta: { vocab }, tensors: model.variables.map(({ name, variable }) => ({ name, tensor: variable })),
  });
  model.dispose();
  await getDb().trainingRun.create({ data: { id, exportId, status: 'succeeded', settings: JSON.stringify({ model: 'tiny' }), steps: 1, step: 1, checkpointDir } });
  return id;
}

describe('check chapter with model', () => {
  const env = useTestEnv();

  it('stores what the model heard, its CER, and flags auto/edited fragments it disagrees with', async () => {
    const runId = await constantRun(env.dataDir);
    const { books } = await seedExportCorpus({ books: 1, chaptersPerBook: 1 });
    const chapter = books[0]!.chapters[0]!;
    const db = getDb();
    const ids = chapter.fragmentIds;
    // statuses by position: approved, approved, edited, approved, rejected, auto, approved
    await db.fragment.update({ where: { id: ids[2]! }, data: { normText: 'a', flag: 'model-mismatch' } }); // edited, now matches: cleared
    await db.fragment.update({ where: { id: ids[3]! }, data: { status: 'auto', flag: 'not-in-audio' } }); // another flag: kept
    await db.fragment.update({ where: { id: ids[6]! }, data: { begin: null, end: null } }); // not aligned: skipped

    const r = await checkChapterWithModel({ chapterId: chapter.id, runId, threshold: 0.5, backend: 'cpu' });
    expect(r).toMatchObject({ checked: 6, flagged: 1, cleared: 1 });
    const frags = await db.fragment.findMany({ where: { chapterId: chapter.id }, orderBy: { position: 'asc' } });
    expect(frags.map((f) => f.modelText)).toEqual(['a', 'a', 'a', 'a', 'a', 'a', null]);
    expect(frags[2]!.modelCer).toBe(0);
    for (const f of frags.slice(0, 6)) if (f.position !== 2) expect(f.modelCer).toBeGreaterThan(0.5);
    expect(frags.map((f) => f.flag)).toEqual([null, null, null, 'not-in-audio', null, 'model-mismatch', null]);
    expect(frags.every((f) => f.version === 1)).toBe(true);

    // a higher threshold clears the flag it set
    const again = await checkChapterWithModel({ chapterId: chapter.id, runId, threshold: 5, backend: 'cpu' });
    expect(again).toMatchObject({ flagged: 0, cleared: 1 });
    expect((await db.fragment.findUniqueOrThrow({ where: { id: ids[5]! } })).flag).toBeNull();
  });

  it('runs as a job with the model of a real training run', async () => {
    const { exportId } = await seedTrainingExport(env.dataDir);
    const run = await startTrainingRun(exportId, { backend: 'cpu', model: 'tiny', steps: 2, batchSize: 4 });
    await expect(startChapterCheck('nope', { runId: run.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const { books } = await seedExportCorpus({ books: 1, chaptersPerBook: 1 });
    const chapterId = books[0]!.chapters[0]!.id;
    await expect(startChapterCheck(chapterId, { runId: run.id })).rejects.toMatchObject({ code: 'CONFLICT' }); // still queued
    await workJobs({ registry: jobRegistry, types: ['train-model'], untilIdle: true, pollMs: 20 });
    // two steps learn nothing: the run is refused (its dev CER is far above 50 %), unless an admin checks anyway
    const devCer = (await getDb().trainingRun.findUniqueOrThrow({ where: { id: run.id } })).devCer!;
    expect(devCer).toBeGreaterThan(0.5);
    await expect(startChapterCheck(chapterId, { runId: run.id, threshold: 0.9 })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining(`Run ${run.id} has a dev CER of ${(devCer * 100).toFixed(1)} %, above the 50.0 %`),
      details: { reason: 'too-weak', runId: run.id, devCer, maxDevCer: 0.5 },
    });
    await expect(startChapterCheck(chapterId, { runId: run.id, force: true }, { role: 'reviewer' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await getChapterCheck(chapterId)).toBeNull();
    const check = await startChapterCheck(chapterId, { runId: run.id, threshold: 0.9, force: true }, { role: 'admin' });
    expect(check).toMatchObject({ status: 'queued', runId: run.id, threshold: 0.9, overridden: expect.stringContaining('above the 50.0 %') });
    await workJobs({ registry: jobRegistry, types: ['check-chapter'], untilIdle: true, pollMs: 20 });
    const done = await getChapterCheck(chapterId);
    expect(done).toMatchObject({ jobId: check.jobId, status: 'succeeded', result: { checked: 7 } });
    const frags = await getDb().fragment.findMany({ where: { chapterId } });
    expect(frags.every((f) => typeof f.modelText === 'string' && f.modelCer !== null)).toBe(true);
  });
});
