// Replaces a chapter's times with those of a sync map (e.g. corrected in finetuneas or Audacity). Fragments are
// matched by position; every change is kept as a revision. A JSON map's `children` set the paragraphs' sentence
// times where a paragraph has as many sentences as its fragment has children; other sentences follow the new
// paragraph times (fitSentences).
import { AppError } from '../errors/app-error.ts';
import { getDb } from '../db/client.ts';
import { detectSyncMapFormat, readSyncMap } from '../align/syncmap/read-syncmap.ts';
import { applyFragmentTimes } from './apply-fragment-times.ts';

export async function importChapterSyncMap(chapterId: string, fileName: string, content: string, userId?: string | null) {
  const db = getDb();
  const chapter = await db.chapter.findUnique({
    where: { id: chapterId },
    include: { audioFile: true, book: { select: { language: true } }, fragments: { orderBy: { position: 'asc' } } },
  });
  if (!chapter) throw new AppError('NOT_FOUND', `Chapter ${chapterId} does not exist.`);
  const format = detectSyncMapFormat(fileName, content);
  const map = readSyncMap(content, format);
  if (map.fragments.length !== chapter.fragments.length) {
    throw new AppError(
      'INVALID_INPUT',
      `${fileName} has ${map.fragments.length} fragments but chapter "${chapter.title}" has ${chapter.fragments.length} paragraphs; nothing was changed.`,
      { file: fileName },
    );
  }
  const duration = chapter.audioFile.durationSec ?? Infinity;
  for (const [i, f] of map.fragments.entries()) {
    if (!(f.begin >= 0 && f.end >= f.begin && f.end <= duration + 0.5)) {
      throw new AppError('INVALID_INPUT', `${fileName}: fragment ${i + 1} (${f.begin}–${f.end} s) is outside the audio (${duration.toFixed(3)} s); nothing was changed.`, { file: fileName });
    }
  }
  const changed = await db.$transaction(
    async (tx) => {
      const n = await applyFragmentTimes(
        tx,
        chapter.fragments.map((frag, i) => {
          const f = map.fragments[i]!;
          return { id: frag.id, begin: f.begin, end: f.end, sentences: f.children?.map((c) => ({ begin: c.begin, end: c.end })) ?? null };
        }),
        `import ${format}`,
        { userId, language: chapter.book.language },
      );
      await tx.chapter.update({ where: { id: chapterId }, data: { alignStatus: 'aligned', alignError: null, alignedAt: new Date() } });
      return n;
    },
    { timeout: 120_000 },
  );
  return { format, fragments: changed };
}
