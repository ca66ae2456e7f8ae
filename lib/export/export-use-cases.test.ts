import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { useTestEnv } from '../testing/use-test-env.ts';
import { getDb } from '../db/client.ts';
import { getStorage } from '../storage/storage.ts';
import { exportCorpusJob } from './export-jobs.ts';
import { createJobRegistry } from '../jobs/create-job-registry.ts';
import { workJobs } from '../jobs/work-jobs.ts';
import { cancelExport } from './cancel-export.ts';
import { deleteExport } from './delete-export.ts';
import { listExportFiles, openExportFile } from './export-files.ts';
import { getExport } from './get-export.ts';
import { listExports } from './list-exports.ts';
import { seedExportCorpus } from '../testing/seed-export-corpus.ts';
import { startExport } from './start-export.ts';
import { verifyExport } from './verify-export.ts';

const jobRegistry = createJobRegistry([exportCorpusJob]);

const exists = (p: string) => access(p).then(() => true, () => false);
async function text(stream: AsyncIterable<unknown>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

describe('export use cases (job, list, files, verify, cancel, delete)', () => {
  const env = useTestEnv();

  it('runs an export through the job queue and serves its files safely', async () => {
    const { projectId } = await seedExportCorpus();
    const started = await startExport({ projectId, group: 'fragment', formats: ['tfrecord', 'librispeech', 'jsonl'] });
    expect(started.status).toBe('queued');
    expect(started.jobId).toBeTruthy();
    await workJobs({ registry: jobRegistry, untilIdle: true, pollMs: 20 });
    const done = await getExport(started.id);
    expect(done).toMatchObject({ status: 'succeeded', progress: 1 });
    expect(done.stats!.examples).toBe(16);
    expect(done.message).toMatch(/16 examples/);
    const row = await getDb().export.findUniqueOrThrow({ where: { id: started.id } });
    // published to storage under exports/<id>; on local storage Export.dir is that folder
    expect(row.storageKey).toBe(`exports/${started.id}`);
    expect(row.dir).toBe(path.join(env.dataDir, 'files', 'exports', started.id));
    expect(await exists(path.join(env.dataDir, 'export-scratch', started.id))).toBe(false);
    expect((await listExports(projectId)).map((e) => e.id)).toEqual([started.id]);

    const files = await listExportFiles(started.id);
    expect(files[0]!.path).toBe('dataset.json');
    expect(files.some((f) => /^tfrecord\/train-00000-of-0000\d\.tfrecord$/.test(f.path))).toBe(true);
    const ds = await openExportFile(started.id, 'dataset.json');
    expect(ds.bytes).toBe((await readFile(path.join(row.dir, 'dataset.json'))).length);
    expect(JSON.parse((await text(ds.read())).toString('utf8')).schemaVersion).toBe(1);
    for (const bad of ['../alinea.db', 'tfrecord/../../alinea.db', '/etc/passwd', '', 'a//b', 'nope.txt']) {
      await expect(openExportFile(started.id, bad)).rejects.toMatchObject({ code: expect.stringMatching(/INVALID_INPUT|NOT_FOUND/) });
    }
    expect(await verifyExport(started.id)).toMatchObject({ ok: true, examples: 16 });

    // a training run made from it: its checkpoints in storage go with the export
    const run = await getDb().trainingRun.create({
      data: { exportId: started.id, settings: '{}', steps: 1, checkpointKey: `runs/r1/checkpoints` },
    });
    await getStorage().putStream(`${run.checkpointKey}/step-00000001/manifest.json`, Readable.from([Buffer.from('{}')]));
    expect(await getStorage().list('runs/r1')).toHaveLength(1);

    await deleteExport(started.id);
    expect(await exists(row.dir)).toBe(false);
    expect(await getStorage().list('runs/r1')).toEqual([]);
    expect(await getDb().trainingRun.count()).toBe(0);
    await expect(getExport(started.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('cancels a queued export; refuses an export with nothing to export', async () => {
    const { projectId } = await seedExportCorpus();
    const started = await startExport({ projectId });
    const cancelled = await cancelExport(started.id);
    expect(cancelled.status).toBe('cancelled');
    await expect(cancelExport(started.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(startExport({ projectId, filters: { statuses: ['approved'], minDuration: 10, maxDuration: 20 } })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(startExport({ projectId, formats: ['jsonl'] })).rejects.toThrow(/librispeech/);
  });
});
