import { z } from 'zod';
import { getDb } from '../db/client.ts';
import { JOB_STATUSES } from '../jobs/job-status.ts';
import { toTrainingRunView, type TrainingRunView } from './training-run-view.ts';

/** The list's filters, as a query string gives them (`?exportId=…&status=running`). */
export const listTrainingRunsInput = z.object({
  exportId: z.string().min(1).optional(),
  status: z.enum(JOB_STATUSES).optional(),
});

/** Training runs, newest first (of one export when given), with their project and export, without their loss curves. */
export async function listTrainingRuns(filter: z.infer<typeof listTrainingRunsInput> = {}): Promise<TrainingRunView[]> {
  const rows = await getDb().trainingRun.findMany({
    where: { ...(filter.exportId ? { exportId: filter.exportId } : {}), ...(filter.status ? { status: filter.status } : {}) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: 200,
    include: { export: { include: { project: true } } },
  });
  return Promise.all(rows.map((r) => toTrainingRunView(r, { metrics: false })));
}
