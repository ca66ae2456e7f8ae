import { readRunCheckpointFile, readRunCheckpointFileInput } from '@/lib/training-runs/read-run-checkpoint-file.ts';
import { readQuery, route } from '../../../../_lib/handle-route.ts';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ runId: string; file: string }> };

// GET /api/runs/:id/checkpoint/{manifest.json|weights.bin}[?step=N] → the run's newest checkpoint, or the one at
// step N (the browser's "Try it"); the step is in the x-checkpoint-step header.
export const GET = route(async (req, ctx: Ctx) => {
  const c = await readRunCheckpointFile(readQuery(req, readRunCheckpointFileInput, await ctx.params));
  return new Response(c.bytes, {
    headers: { 'content-type': c.contentType, 'content-length': String(c.bytes.byteLength), 'cache-control': 'no-store', 'x-checkpoint-step': String(c.step) },
  });
});
