import { getDb } from '../db/client.ts';

/** A chapter with its book, audio file and paragraphs in order (the chapter page), or null when there is none. */
export async function findChapterAlignment(chapterId: string) {
  return getDb().chapter.findUnique({
    where: { id: chapterId },
    include: { book: true, audioFile: true, fragments: { orderBy: { position: 'asc' } } },
  });
}
