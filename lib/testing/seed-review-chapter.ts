// Test fixture: a project, a book, an audio file and a chapter with the given fragments (positions in order).
import { getDb } from '../db/client.ts';
import { buildSentences } from '../chapter-alignment/build-sentences.ts';
import { stringifyFragmentSentences } from '../chapter-alignment/fragment-sentences.ts';

export type SeedFragment = {
  text: string;
  begin?: number | null;
  end?: number | null;
  status?: string;
  confidence?: number | null;
  flag?: string | null;
  /** Sentence times (one per sentence of the text) and their confidence: the fragment is stored with its
   * sentences, as aligned. */
  sentences?: { begin: number; end: number; confidence?: number }[];
};

let counter = 0;

export async function seedReviewChapter(opts: {
  fragments: SeedFragment[];
  durationSec?: number | null;
  language?: string;
  projectId?: string;
  bookId?: string;
  position?: number;
}) {
  const db = getDb();
  const n = ++counter;
  const projectId =
    opts.projectId ??
    (opts.bookId
      ? (await db.book.findUniqueOrThrow({ where: { id: opts.bookId } })).projectId
      : (await db.project.create({ data: { name: `review ${n} ${Date.now()}`, language: opts.language ?? 'spa' } })).id);
  const bookId =
    opts.bookId ?? (await db.book.create({ data: { projectId, title: `Libro ${n}`, language: opts.language ?? 'spa' } })).id;
  const position = opts.position ?? 0;
  const audio = await db.audioFile.create({
    data: {
      bookId,
      position,
      originalName: `libro_${n}.mp3`,
      originalKey: `k${n}`,
      sha256: `s${n}`,
      size: 1,
      status: 'ready',
      durationSec: opts.durationSec === undefined ? 60 : opts.durationSec,
    },
  });
  const part = await db.textPart.create({ data: { bookId, position, firstParagraph: 0, lastParagraph: opts.fragments.length - 1 } });
  const chapter = await db.chapter.create({
    data: { bookId, position, title: `Capítulo ${n}`, audioFileId: audio.id, textPartId: part.id, alignStatus: 'aligned' },
  });
  await db.fragment.createMany({
    data: opts.fragments.map((f, i) => ({
      chapterId: chapter.id,
      position: i,
      text: f.text,
      normText: f.text.toLowerCase(),
      begin: f.begin ?? null,
      end: f.end ?? null,
      status: f.status ?? 'auto',
      confidence: f.confidence ?? null,
      flag: f.flag ?? null,
      sentences: f.sentences
        ? stringifyFragmentSentences(
            buildSentences({ text: f.text, language: opts.language ?? 'spa', begin: f.begin ?? null, end: f.end ?? null, times: f.sentences }),
          )
        : null,
    })),
  });
  const fragments = await db.fragment.findMany({ where: { chapterId: chapter.id }, orderBy: { position: 'asc' } });
  return { projectId, bookId, chapterId: chapter.id, fragments };
}
