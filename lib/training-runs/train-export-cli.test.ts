// The CLI end to end (a child process, as a user runs it): one JSON line on stdout, checkpoints, --resume; and
// the checkpoint it writes, loaded the way the browser loads it, transcribes like the trained model did.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { getDb } from '../db/client.ts';
import { useTestEnv } from '../testing/use-test-env.ts';
import { SpeechDataset } from '../model/dataset.ts';
import { evaluate } from '../model/evaluate.ts';
import { selectBackend } from '../model/select-backend.ts';
import { train } from '../model/train-loop.ts';
import { modelFromCheckpoint } from './model-from-checkpoint.ts';
import { seedTrainingExport } from '../testing/training-test-fixture.ts';
import { MODEL_SIZES } from './training-settings.ts';
import { transcribeSamples } from './transcribe-samples.ts';
import { decodeSpeechExample } from '../corpus/speech-example.ts';
import { readTFRecords } from '../corpus/tfrecord-reader.ts';

const run = promisify(execFile);

describe('alinea train (CLI) and checkpoint inference', () => {
  const env = useTestEnv();
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it('trains, prints a one-line JSON summary, refuses to overwrite, and resumes', async () => {
    const { dir } = await seedTrainingExport(env.dataDir);
    const out = await mkdtemp(path.join(tmpdir(), 'alinea-train-cli-'));
    dirs.push(out);
    const args = ['bin/alinea.mjs', 'train', dir, '--backend', 'cpu', '--model', 'tiny', '--batch', '4', '--out', out, '--checkpoint-every', '2'];
    const first = await run(process.execPath, [...args, '--steps', '3', '--test']);
    const lines = first.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const summary = JSON.parse(lines[0]!);
    expect(summary).toMatchObject({ backend: 'cpu', steps: 3, aborted: false, loss: expect.any(Number), lossUnit: 'char', devCer: expect.any(Number), testCer: expect.any(Number), utterancesPerSec: expect.any(Number) });
    expect(summary.checkpoint).toBe(path.join(out, 'checkpoints', 'step-00000003'));
    expect(first.stderr).toMatch(/step 3\/3 loss \d+\.\d{3} per character/);
    expect(await readdir(path.join(out, 'checkpoints'))).toEqual(['step-00000002', 'step-00000003']);

    await expect(run(process.execPath, [...args, '--steps', '5'])).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/pass --resume/) });
    const resumed = JSON.parse((await run(process.execPath, [...args, '--steps', '5', '--resume'])).stdout);
    expect(resumed).toMatchObject({ steps: 5, checkpoint: path.join(out, 'checkpoints', 'step-00000005') });
    await expect(run(process.execPath, ['bin/alinea.mjs', 'train', dir, '--backend', 'tpu'])).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/backend/) });
    expect((await run(process.execPath, ['bin/alinea.mjs', 'train', '--help'])).stdout).toMatch(/^alinea train EXPORT_DIR/);
    expect(await getDb().trainingRun.count()).toBe(0);
  }, 90_000);

  it('a checkpoint loaded from bytes (as the browser does) transcribes like the model that wrote it', async () => {
    await selectBackend('cpu');
    const { dir } = await seedTrainingExport(env.dataDir);
    const ckpt = path.join(env.dataDir, 'infer-ckpt');
    const trained = await train({ exportDir: dir, steps: 1, batchSize: 6, lr: 1e-5, backend: null, model: MODEL_SIZES.tiny, checkpointDir: ckpt, checkpointEvery: 1, augment: false });
    const dev = await SpeechDataset.open(dir, { split: 'dev', batchSize: 1 });
    const expected = (await evaluate(trained.model, dev, { maxSamples: 10 })).samples;
    const loaded = modelFromCheckpoint(JSON.parse(await readFile(path.join(trained.checkpoint!, 'manifest.json'), 'utf8')), await readFile(path.join(trained.checkpoint!, 'weights.bin')));
    expect(loaded.step).toBe(1); // near the random init, so that it says something
    expect(loaded.vocab).toEqual(trained.vocab);
    const shards = (await readdir(path.join(dir, 'tfrecord'))).filter((n) => n.startsWith('dev-')).sort();
    const got: Record<string, string> = {};
    for (const s of shards) {
      for await (const rec of readTFRecords(path.join(dir, 'tfrecord', s))) {
        const ex = decodeSpeechExample(rec);
        got[ex.id] = await transcribeSamples(loaded.model, loaded.vocab, ex.samples);
      }
    }
    expect(expected.length).toBe(2);
    expect(expected.some((e) => e.hypothesis.length > 0)).toBe(true); // a non-trivial comparison
    for (const e of expected) expect(got[e.id]).toBe(e.hypothesis);
    trained.model.dispose();
    loaded.model.dispose();
  }, 60_000);
});
