import { readQuery, route } from '../_lib/handle-route.ts';
import { listTrainingRuns, listTrainingRunsInput } from '@/lib/training-runs/list-training-runs.ts';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// GET /api/runs[?exportId=…&status=…] → { runs } (newest first, without loss curves)
export const GET = route(async (req) => ({ runs: await listTrainingRuns(readQuery(req, listTrainingRunsInput)) }));
