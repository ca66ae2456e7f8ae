import { NextResponse } from 'next/server';
import { route, readBody } from '../../_lib/handle-route.ts';
import { updateBoundary, updateBoundaryInput } from '@/lib/review/update-boundary.ts';

export const runtime = 'nodejs';

// POST /api/fragments/boundary { left: {fragmentId, expectedVersion}, right: {…}, time } → { left, right }.
// Moves the shared boundary of two consecutive fragments atomically (a linked drag). `Server-Timing: save`
// is the time from the parsed request to the committed transaction (bench/editor-perf.ts reads it).
export const POST = route(async (req, _ctx, user) => {
  const input = await readBody(req, updateBoundaryInput, { userId: user.id });
  const t0 = performance.now();
  const out = await updateBoundary(input);
  return NextResponse.json(out, { headers: { 'Server-Timing': `save;dur=${(performance.now() - t0).toFixed(1)}` } });
});
