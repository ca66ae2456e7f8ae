import { randomUUID } from 'node:crypto';
import { AppError } from '../errors/app-error.ts';
import { getDb } from '../db/client.ts';
import { getExportRow } from '../export/get-export.ts';
import { enqueueJob } from '../jobs/enqueue-job.ts';
import { trainModelJob } from './training-jobs.ts';
import { runCheckpointKey } from './training-paths.ts';
import { parseTrainingSettings } from './training-settings.ts';
import { toTrainingRunView, type TrainingRunView } from './training-run-view.ts';

/** Validates the settings, creates the TrainingRun row for a finished export and queues its job. */
export async function startTrainingRun(exportId: string, input: unknown): Promise<TrainingRunView> {
  const exp = await getExportRow(exportId);
  if (exp.status !== 'succeeded') throw new AppError('CONFLICT', `The export is ${exp.status}; train on an export that has succeeded.`);
  const formats = (JSON.parse(exp.settings) as { formats?: string[] }).formats ?? [];
  if (!formats.includes('tfrecord')) throw new AppError('INVALID_INPUT', 'Training reads the TFRecord shards: export again with the tfrecord format.');
  const settings = parseTrainingSettings(input);
  const db = getDb();
  const id = `run_${randomUUID().replace(/-/g, '').slice(0, 20)}`;
  await db.trainingRun.create({
    data: { id, exportId, status: 'queued', settings: JSON.stringify(settings), steps: settings.steps, checkpointKey: runCheckpointKey(id) },
  });
  const job = await enqueueJob(trainModelJob, { runId: id });
  return toTrainingRunView(await db.trainingRun.update({ where: { id }, data: { jobId: job.id } }));
}
