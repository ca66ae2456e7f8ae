import { route } from '../_lib/handle-route.ts';
import { listTrainingRuns } from '@/lib/training-runs/list-training-runs.ts';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// GET /api/runs[?exportId=…&status=…] → { runs } (newest first, without loss curves)
export const GET = route(async (req) => {
  const q = new URL(req.url).searchParams;
  return { runs: await listTrainingRuns({ exportId: q.get('exportId') ?? undefined, status: q.get('status') ?? undefined }) };
});
