// Benchmark (not a test): a training run through the app's path (TrainingRun row, train-model job in this process,
// row updates, checkpoints, dev/test evaluation) per backend and model size, on synthetic 16 kHz audio.
// Run: npx tsx bench/train-run.ts [--backends cpu,wasm] [--models tiny,small] [--steps 6] [--batch 8] [--seconds 2]
// Prints one JSON line: per backend × model the run's utterances/s (mean over its steps), wall seconds and the
// seconds outside the steps (evaluation, checkpoints, database).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { SPANISH_PARAGRAPHS } from '../lib/align/spanish-paragraphs.ts';
import { resetConfigForTests } from '../lib/config/env.ts';
import { disconnectDb, getDb } from '../lib/db/client.ts';
import { migrateDatabase } from '../lib/db/migrate-database.ts';
import { jobRegistry } from '../workers/job-registry.ts';
import { workJobs } from '../lib/jobs/work-jobs.ts';
import { normaliseSpanish, TRANSCRIPT_ALPHABET } from '../lib/text/normalise-spanish.ts';
import { createRandom } from '../lib/model/seeded-random.ts';
import { releaseWebgpu } from '../lib/model/select-backend.ts';
import { writeExportFixture, type FixtureUtterance } from '../lib/testing/write-export-fixture.ts';
import { getTrainingRun } from '../lib/training-runs/get-training-run.ts';
import { startTrainingRun } from '../lib/training-runs/start-training-run.ts';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const backends = (arg('--backends') ?? 'cpu,wasm').split(',');
const models = (arg('--models') ?? 'tiny,small').split(',');
const steps = Number(arg('--steps') ?? 6);
const batch = Number(arg('--batch') ?? 8);
const seconds = Number(arg('--seconds') ?? 2);

const rng = createRandom(1);
const words = normaliseSpanish(SPANISH_PARAGRAPHS.join(' ')).split(' ');
const utterance = (i: number): FixtureUtterance => {
  const n = seconds * 16_000;
  const samples = new Int16Array(n);
  const hz = 120 + 40 * (i % 7);
  for (let t = 0; t < n; t++) samples[t] = Math.round(5000 * Math.sin((2 * Math.PI * hz * t) / 16_000) + 1500 * rng.normal());
  const count = Math.max(1, Math.round(2.5 * seconds));
  const start = (i * count) % Math.max(1, words.length - count);
  return { id: `u${i}`, text: words.slice(start, start + count).join(' '), samples };
};

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'alinea-bench-run-'));
process.env.ALINEA_DATA_DIR = dataDir;
process.env.DATABASE_URL = `file:${path.join(dataDir, 'alinea.db')}`;
resetConfigForTests();
const results: Record<string, unknown> = {};
try {
  await migrateDatabase();
  const dir = path.join(dataDir, 'exports', 'bench');
  await writeExportFixture(dir, TRANSCRIPT_ALPHABET, {
    train: Array.from({ length: batch * steps }, (_, i) => utterance(i)),
    dev: Array.from({ length: batch }, (_, i) => utterance(1000 + i)),
    test: Array.from({ length: batch }, (_, i) => utterance(2000 + i)),
  }, 1);
  const project = await getDb().project.create({ data: { name: 'bench' } });
  await getDb().export.create({ data: { id: 'bench', projectId: project.id, status: 'succeeded', settings: JSON.stringify({ formats: ['tfrecord'] }), dir } });
  for (const backend of backends) {
    for (const model of models) {
      const t0 = performance.now();
      const run = await startTrainingRun('bench', { steps, batchSize: batch, backend, model, checkpointEvery: steps, augment: false });
      await workJobs({ registry: jobRegistry, types: ['train-model'], untilIdle: true, pollMs: 20 });
      const r = await getTrainingRun(run.id);
      const wall = (performance.now() - t0) / 1000;
      const stepSec = r.metrics.reduce((s, m) => s + batch / m.utterancesPerSec, 0);
      results[`${backend}/${model}`] =
        r.status === 'succeeded'
          ? { device: r.device, utterancesPerSec: Number(r.utterancesPerSec?.toFixed(2)), wallSec: Number(wall.toFixed(1)), outsideStepsSec: Number((wall - stepSec).toFixed(1)), devCer: r.devCer, testCer: r.testCer }
          : { status: r.status, error: r.error };
      if (backend === 'webgpu') releaseWebgpu();
    }
  }
} finally {
  await disconnectDb();
  await rm(dataDir, { recursive: true, force: true });
}
console.log(JSON.stringify({ bench: 'train-run', steps, batch, seconds, cores: os.cpus().length, results }));
