import { getDb } from '../db/client.ts';
import { toTrainingRunView, type TrainingRunView } from './training-run-view.ts';

/** Training runs, newest first (of one export when given), without their loss curves. */
export async function listTrainingRuns(filter: { exportId?: string; status?: string } = {}): Promise<TrainingRunView[]> {
  const rows = await getDb().trainingRun.findMany({
    where: { ...(filter.exportId ? { exportId: filter.exportId } : {}), ...(filter.status ? { status: filter.status } : {}) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: 200,
  });
  return Promise.all(rows.map((r) => toTrainingRunView(r, { metrics: false })));
}
