import path from 'node:path';
import { Readable } from 'node:stream';
import { route } from '../../../_lib/handle-route.ts';
import { exportDirForArchive } from '@/lib/export/export-files.ts';
import { tarSize, tarStream } from '@/lib/export/tar-stream.ts';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// GET /api/exports/:id/archive → the whole export as one uncompressed tar, streamed (shards are already dense).
export const GET = route(async (req, ctx: { params: Promise<{ exportId: string }> }) => {
  const { exportId } = await ctx.params;
  const { dir, files, name } = await exportDirForArchive(exportId);
  const entries = files.map((f) => ({ name: `${name}/${f.path}`, file: path.join(dir, ...f.path.split('/')), bytes: f.bytes }));
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
