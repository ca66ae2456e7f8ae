import { readQuery, route } from '../../../_lib/handle-route.ts';
import { exportChapterSyncMap, exportChapterSyncMapQuery } from '@/lib/chapter-alignment/export-chapter-syncmap.ts';
import { importChapterSyncMap } from '@/lib/chapter-alignment/import-chapter-syncmap.ts';
import { readBodyText } from '../../../_lib/request-stream.ts';

const SYNC_MAP_LIMIT = 50 * 1024 * 1024;

export const runtime = 'nodejs';

// GET ?format=json|smil|srt|vtt|csv|tsv|aud|textgrid → the chapter's sync map as a download.
export const GET = route(async (req, ctx: { params: Promise<{ chapterId: string }> }) => {
  const { chapterId } = await ctx.params;
  const { format } = readQuery(req, exportChapterSyncMapQuery);
  const out = await exportChapterSyncMap(chapterId, format);
  return new Response(out.body, {
    headers: { 'content-type': out.contentType, 'content-disposition': `attachment; filename="${encodeURIComponent(out.fileName)}"` },
  });
});

// POST ?name=file.srt with the sync map as body → replaces the chapter's times (each change kept as a revision).
export const POST = route(async (req, ctx: { params: Promise<{ chapterId: string }> }, user) => {
  const { chapterId } = await ctx.params;
  const name = new URL(req.url).searchParams.get('name') ?? 'syncmap.json';
  // read with its cap applied while streaming (a sync map is never near 50 MB)
  const text = await readBodyText(req, SYNC_MAP_LIMIT, name);
  return importChapterSyncMap(chapterId, name, text, user.id);
}, { body: 'upload' });
