import path from 'node:path';
import { Readable } from 'node:stream';
import { route } from '../../../../_lib/handle-route.ts';
import { openExportFile } from '@/lib/export/export-files.ts';
import { parseRange } from '@/lib/storage/parse-range.ts';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const TYPES: Record<string, string> = { '.json': 'application/json', '.jsonl': 'application/jsonl', '.txt': 'text/plain; charset=utf-8', '.flac': 'audio/flac' };

// GET /api/exports/:id/files/<path…> → the file (from storage, or an older export's directory), with HTTP Range
// (resumable downloads of large shards).
export const GET = route(async (req, ctx: { params: Promise<{ exportId: string; path: string[] }> }) => {
  const { exportId, path: parts } = await ctx.params;
  const file = await openExportFile(exportId, parts.map(safeDecode).join('/'));
  const size = file.bytes;
  const range = parseRange(req.headers.get('range'), size);
  const headers = {
    'content-type': TYPES[path.extname(file.name)] ?? 'application/octet-stream',
    'accept-ranges': 'bytes',
    'content-disposition': `attachment; filename="${file.name.replace(/[^\w.-]/g, '_')}"`,
    'cache-control': 'private, no-cache',
  };
  if (range && range.start >= size) {
    return new Response(null, { status: 416, headers: { ...headers, 'content-range': `bytes */${size}` } });
  }
  const r = range ?? { start: 0, end: size - 1 };
  const body = size === 0 ? null : (Readable.toWeb(file.read(r)) as ReadableStream);
  return new Response(body, {
    status: range ? 206 : 200,
    headers: { ...headers, 'content-length': String(size === 0 ? 0 : r.end - r.start + 1), ...(range ? { 'content-range': `bytes ${r.start}-${r.end}/${size}` } : {}) },
  });
}, { role: 'admin' });

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
