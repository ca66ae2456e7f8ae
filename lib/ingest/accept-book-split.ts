// Accepting the split turns each (audio file, text part) pair into a Chapter with one Fragment per paragraph
// (the ebook parser's headings become fragments of kind 'heading').
// Times stay empty until alignment. Paragraphs before part 1 (front matter) and after the last part (back matter)
// become no fragment.
import { AppError } from '../errors/app-error.ts';
import { getDb } from '../db/client.ts';
import { normaliseForLanguage } from '../text/normalise-for-language.ts';
import { fragmentKindOf } from '../chapter-alignment/fragment-kind.ts';
import { getBook } from './get-book.ts';
import { readParsedEbook } from './read-parsed-ebook.ts';
import { parseBookSplit } from './book-split.ts';
import { queueChapterAlignment } from '../chapter-alignment/queue-chapter-alignment.ts';

export async function acceptBookSplit(bookId: string, expectedStarts?: number[], expectedEnd?: number) {
  const book = await getBook(bookId);
  if (book.splitStatus === 'accepted') throw new AppError('CONFLICT', `"${book.title}" is already split.`);
  if (book.splitStatus !== 'proposed' || !book.splitStarts) {
    throw new AppError('CONFLICT', `"${book.title}" has no proposed split yet: wait for ingestion to finish.`);
  }
  const { paragraphs } = await readParsedEbook(bookId);
  const { starts, end: splitEnd } = parseBookSplit(book.splitStarts, paragraphs.length);
  if (
    (expectedStarts && JSON.stringify(expectedStarts) !== JSON.stringify(starts)) ||
    (expectedEnd !== undefined && expectedEnd !== splitEnd)
  ) {
    throw new AppError('CONFLICT', 'The split changed since you looked at it; reload and check it again.');
  }
  const db = getDb();
  const audio = await db.audioFile.findMany({ where: { bookId, status: 'ready' }, orderBy: { position: 'asc' } });
  if (audio.length !== starts.length) {
    throw new AppError(
      'CONFLICT',
      `The split has ${starts.length} parts but the book has ${audio.length} ingested audio files; propose it again.`,
    );
  }
  const chapters = await db.$transaction(
    async (tx) => {
      const locked = await tx.book.updateMany({
        where: { id: bookId, splitStatus: 'proposed', splitStarts: book.splitStarts },
        data: { splitStatus: 'accepted' },
      });
      if (locked.count !== 1) throw new AppError('CONFLICT', 'The split changed meanwhile; reload and try again.');
      const made = [];
      for (const [i, start] of starts.entries()) {
        const end = (starts[i + 1] ?? splitEnd) - 1;
        const parts = paragraphs.slice(start, end + 1);
        const heading = parts.find((p) => p.kind === 'heading')?.text;
        const a = audio[i]!;
        const textPart = await tx.textPart.create({
          data: { bookId, position: i, title: heading ?? null, firstParagraph: start, lastParagraph: end },
        });
        const chapter = await tx.chapter.create({
          data: { bookId, position: i, title: heading ?? a.originalName, audioFileId: a.id, textPartId: textPart.id },
        });
        await tx.fragment.createMany({
          data: parts.map((p, j) => ({
            chapterId: chapter.id,
            position: j,
            text: p.text,
            normText: normaliseForLanguage(p.text, book.language),
            kind: fragmentKindOf(p.kind),
          })),
        });
        made.push(chapter);
      }
      return made;
    },
    { timeout: 60_000 },
  );
  // the aligner runs next, in the worker
  await queueChapterAlignment(chapters.map((c) => c.id));
  return chapters;
}
