import { readQuery, route } from '../../../_lib/handle-route.ts';
import { exportChapterSyncMap, exportChapterSyncMapQuery } from '@/lib/chapter-alignment/export-chapter-syncmap.ts';
import { importChapterSyncMap } from '@/lib/chapter-alignment/import-chapter-syncmap.ts';
import { AppError } from '@/lib/errors/app-error.ts';

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
  const body = await req.arrayBuffer();
  if (body.byteLength > 50 * 1024 * 1024) throw new AppError('TOO_LARGE', `${name} is over 50 MB; a sync map is never that large.`);
  const text = new TextDecoder('utf-8').decode(body).replace(/^\uFEFF/, '');
  return importChapterSyncMap(chapterId, name, text, user.id);
});
