// Merges a paragraph with the next one: the first keeps its id and history and takes the joined text and both
// times; the second is deleted (its revisions with it), so its last state and its revisions are kept in the merge
// revision's `before.absorbed`: reverting the merge (revertFragment, the editor's undo) brings it back as it was.
// Later positions move down by one.
import { z } from 'zod';
import { AppError } from '../errors/app-error.ts';
import { getDb } from '../db/client.ts';
import { normaliseForLanguage } from '../text/normalise-for-language.ts';
import { fragmentSnapshot } from '../chapter-alignment/fragment-snapshot.ts';
import { buildSentences } from '../chapter-alignment/build-sentences.ts';
import { sentencesOrWhole } from '../chapter-alignment/fragment-sentences.ts';
import { fragmentConflict } from './fragment-conflict.ts';
import type { FragmentView } from './fragment-view.ts';
import { absorbFragment } from './absorbed-fragment.ts';
import { joinFragments } from './join-fragments.ts';
import { saveFragmentRevision } from './save-fragment-change.ts';
import { shiftPositions } from './shift-positions.ts';

export const mergeFragmentsInput = z.object({
  fragmentId: z.string().min(1),
  expectedVersion: z.number().int().positive(),
  nextFragmentId: z.string().min(1),
  nextExpectedVersion: z.number().int().positive(),
  /** Default: a newline when either text already has line breaks (verse), else a space. */
  separator: z.enum([' ', '\n']).optional(),
  userId: z.string().min(1).nullish(),
});
export type MergeFragmentsInput = z.input<typeof mergeFragmentsInput>;

function lowest(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}

/** The merged fragment is 'edited', with the lower of the two confidences and the first flag found; `revisionId`:
 * the merge's revision (revert it to its `before` to undo the merge). */
export async function mergeFragments(input: MergeFragmentsInput): Promise<{ fragment: FragmentView; revisionId: string }> {
  const { fragmentId, expectedVersion, nextFragmentId, nextExpectedVersion, separator, userId } = mergeFragmentsInput.parse(input);
  return getDb().$transaction(async (tx) => {
    const rows = await tx.fragment.findMany({
      where: { id: { in: [fragmentId, nextFragmentId] } },
      include: { chapter: { select: { book: { select: { language: true } } } } },
    });
    const firstRow = rows.find((f) => f.id === fragmentId);
    const nextRow = rows.find((f) => f.id === nextFragmentId);
    if (!firstRow || !nextRow) {
      throw new AppError('NOT_FOUND', 'One of these paragraphs no longer exists (merged or removed); reload the chapter.', {
        fragmentId: firstRow ? nextFragmentId : fragmentId,
      });
    }
    const { chapter, ...first } = firstRow;
    const { chapter: _same, ...next } = nextRow;
    if (first.version !== expectedVersion) throw fragmentConflict(fragmentId, first);
    if (next.version !== nextExpectedVersion) throw fragmentConflict(nextFragmentId, next);
    if (first.chapterId !== next.chapterId || next.position !== first.position + 1) {
      throw new AppError('INVALID_INPUT', 'Only a paragraph and the one right after it in the same chapter can be merged.', {
        field: 'nextFragmentId',
      });
    }
    const joined = joinFragments(first, next, separator ? { separator } : {});
    const language = chapter.book.language;
    // both paragraphs' sentence boundaries are kept (the sentences of each, matched by text)
    const sentences = buildSentences({
      text: joined.text,
      language,
      begin: joined.begin,
      end: joined.end,
      previous: [...(sentencesOrWhole(first) ?? []), ...(sentencesOrWhole(next) ?? [])],
    });

    const absorbed = await absorbFragment(tx, next);
    const deleted = await tx.fragment.deleteMany({ where: { id: next.id, version: next.version } });
    if (deleted.count !== 1) throw fragmentConflict(next.id, await tx.fragment.findUnique({ where: { id: next.id } }));
    await shiftPositions(tx, first.chapterId, next.position + 1, -1);
    return saveFragmentRevision(
      tx,
      first,
      {
        text: joined.text,
        normText: normaliseForLanguage(joined.text, language),
        begin: joined.begin,
        end: joined.end,
        status: 'edited',
        confidence: lowest(first.confidence, next.confidence),
        flag: first.flag ?? next.flag,
        sentences,
      },
      {
        reason: 'merge',
        userId,
        before: { ...fragmentSnapshot(first), absorbed },
      },
    );
  });
}
