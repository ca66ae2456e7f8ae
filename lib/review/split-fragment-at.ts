// Splits a paragraph in two where the reviewer put the text cursor and the play head: the first half keeps the
// fragment (id, history), the second is a new fragment right after it; later positions move up by one. The first
// half's revision names the second (`after.splitOff`): reverting it to its `before` (revertFragment, the editor's
// undo) takes the second away again and gives the paragraph back as it was.
import { z } from 'zod';
import { AppError } from '../errors/app-error.ts';
import { getDb } from '../db/client.ts';
import { normaliseForLanguage } from '../text/normalise-for-language.ts';
import { fragmentSnapshot } from '../chapter-alignment/fragment-snapshot.ts';
import { buildSentences } from '../chapter-alignment/build-sentences.ts';
import { sentencesOrWhole, stringifyFragmentSentences } from '../chapter-alignment/fragment-sentences.ts';
import { fragmentConflict } from './fragment-conflict.ts';
import { fragmentView, type FragmentView } from './fragment-view.ts';
import { saveFragmentRevision } from './save-fragment-change.ts';
import { shiftPositions } from './shift-positions.ts';
import { splitFragment } from './split-fragment.ts';

export const splitFragmentAtInput = z.object({
  fragmentId: z.string().min(1),
  expectedVersion: z.number().int().positive(),
  /** Seconds; ignored (pass null) for a fragment without times. */
  atTime: z.number().nullable(),
  /** UTF-16 index into the fragment's text, as a textarea's selectionStart. */
  textCaret: z.number().int(),
  userId: z.string().min(1).nullish(),
});
export type SplitFragmentAtInput = z.input<typeof splitFragmentAtInput>;

/** Both halves become 'edited'; the second copies confidence and flag. Revisions: reason 'split' on both;
 * `revisionId` is the first half's. */
export async function splitFragmentAt(input: SplitFragmentAtInput): Promise<{ first: FragmentView; second: FragmentView; revisionId: string }> {
  const { fragmentId, expectedVersion, atTime, textCaret, userId } = splitFragmentAtInput.parse(input);
  return getDb().$transaction(async (tx) => {
    const row = await tx.fragment.findUnique({
      where: { id: fragmentId },
      include: { chapter: { select: { book: { select: { language: true } } } } },
    });
    if (!row) throw new AppError('NOT_FOUND', 'This paragraph does not exist any more; reload the chapter.', { fragmentId });
    const { chapter, ...fragment } = row;
    if (fragment.version !== expectedVersion) throw fragmentConflict(fragmentId, fragment);
    const [a, b] = splitFragment(fragment, atTime, textCaret);
    const language = chapter.book.language;

    await shiftPositions(tx, fragment.chapterId, fragment.position + 1, +1);
    // the second half's sentences keep the times the paragraph's sentences had (the first half's: saveFragmentChange)
    const sentences = buildSentences({ text: b.text, language, begin: b.begin, end: b.end, previous: sentencesOrWhole(fragment) });
    const created = await tx.fragment.create({
      data: {
        chapterId: fragment.chapterId,
        position: fragment.position + 1,
        begin: b.begin,
        end: b.end,
        text: b.text,
        normText: normaliseForLanguage(b.text, language),
        status: 'edited',
        confidence: fragment.confidence,
        flag: fragment.flag,
        sentences: stringifyFragmentSentences(sentences),
      },
    });
    await tx.fragmentRevision.create({
      data: {
        fragmentId: created.id,
        version: created.version,
        userId: userId ?? null,
        reason: 'split',
        before: null,
        after: JSON.stringify(fragmentSnapshot(created)),
      },
    });
    const { fragment: first, revisionId } = await saveFragmentRevision(
      tx,
      fragment,
      { text: a.text, normText: normaliseForLanguage(a.text, language), end: a.end, status: 'edited' },
      { reason: 'split', userId, language, after: { splitOff: { id: created.id } } },
    );
    return { first, second: fragmentView(created), revisionId };
  });
}
