import { route, readJson } from '../../_lib/handle-route.ts';
import { updateBoundary, updateBoundaryInput } from '@/lib/review/update-boundary.ts';

export const runtime = 'nodejs';

// POST /api/fragments/boundary { left: {fragmentId, expectedVersion}, right: {…}, time } → { left, right }.
// Moves the shared boundary of two consecutive fragments atomically (a linked drag).
export const POST = route(async (req) => updateBoundary(updateBoundaryInput.parse(await readJson(req))));
