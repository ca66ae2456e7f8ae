import { Readable } from 'node:stream';
import { route } from '../../../_lib/handle-route.ts';
import { exportArchive } from '@/lib/export/export-files.ts';
import { tarSize, tarStream } from '@/lib/export/tar-stream.ts';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// GET /api/exports/:id/archive → the whole export as one uncompressed tar, streamed file by file from storage
// (shards are already dense).
export const GET = route(async (req, ctx: { params: Promise<{ exportId: string }> }) => {
  const { name, entries } = await exportArchive((await ctx.params).exportId);
  const body = Readable.toWeb(Readable.from(tarStream(entries, { signal: req.signal }))) as ReadableStream;
  return new Response(body, {
    headers: {
      'content-type': 'application/x-tar',
      'content-length': String(tarSize(entries)),
      'content-disposition': `attachment; filename="${name}.tar"`,
      'cache-control': 'private, no-cache',
    },
  });
}, { role: 'admin' });
