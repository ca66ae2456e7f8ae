import { z } from 'zod';
import { AppError } from '../errors/app-error.ts';
import { getDb } from '../db/client.ts';
import { writeSyncMap } from '../align/syncmap/write-syncmap.ts';
import { SYNCMAP_FORMATS, type SyncMapFormat } from '../align/syncmap/syncmap-types.ts';
import { chapterSyncMap } from './chapter-syncmap.ts';

const EXTENSIONS: Record<SyncMapFormat, string> = { json: 'json', smil: 'smil', srt: 'srt', vtt: 'vtt', csv: 'csv', tsv: 'tsv', aud: 'txt', textgrid: 'TextGrid' };
const CONTENT_TYPES: Record<SyncMapFormat, string> = {
  json: 'application/json', smil: 'application/smil+xml', srt: 'application/x-subrip', vtt: 'text/vtt',
  csv: 'text/csv', tsv: 'text/tab-separated-values', aud: 'text/plain', textgrid: 'text/plain',
};

/** The query the download route takes (?format=, JSON by default). */
export const exportChapterSyncMapQuery = z.object({ format: z.enum(SYNCMAP_FORMATS).default('json') });

export async function exportChapterSyncMap(chapterId: string, format: SyncMapFormat) {
  const chapter = await getDb().chapter.findUnique({
    where: { id: chapterId },
    include: { book: true, audioFile: true, fragments: { orderBy: { position: 'asc' } } },
  });
  if (!chapter) throw new AppError('NOT_FOUND', `Chapter ${chapterId} does not exist.`);
  if (chapter.fragments.some((f) => f.begin == null || f.end == null)) {
    throw new AppError('CONFLICT', `Chapter "${chapter.title}" is not aligned yet: align it (or import a sync map) first.`);
  }
  const base = chapter.audioFile.originalName.replace(/\.[^.]+$/, '');
  const body = writeSyncMap(chapterSyncMap(chapter.fragments, chapter.book.language), format, {
    audioRef: chapter.audioFile.originalName,
    textRef: `${base}.xhtml`,
    language: chapter.book.language,
  });
  return { fileName: `${base}.${EXTENSIONS[format]}`, contentType: `${CONTENT_TYPES[format]}; charset=utf-8`, body };
}
