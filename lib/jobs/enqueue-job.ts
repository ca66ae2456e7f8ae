import type { z } from 'zod';
import { AppError } from '../errors/app-error.ts';
import { getDb } from '../db/client.ts';
import type { JobDefinition } from './job-definition.ts';
import { notifyJobsQueued } from './notify-jobs-queued.ts';

export async function enqueueJob<S extends z.ZodType>(
  def: JobDefinition<S>,
  payload: z.infer<S>,
  opts: { bookId?: string; runAt?: Date } = {},
) {
  const parsed = def.schema.safeParse(payload);
  if (!parsed.success) {
    throw new AppError('INVALID_INPUT', `Invalid payload for job ${def.name}: ${parsed.error.message}`);
  }
  const job = await getDb().job.create({
    data: {
      type: def.name,
      payload: JSON.stringify(parsed.data),
      maxAttempts: def.maxAttempts ?? 5,
      bookId: opts.bookId,
      runAt: opts.runAt ?? new Date(),
    },
  });
  if (job.runAt.getTime() <= Date.now()) await notifyJobsQueued();
  return job;
}
