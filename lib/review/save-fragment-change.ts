// The one write path of the review use cases: bump the version only if it is still the one the change was based
// on, and record the revision. The paragraph's sentences follow every change of its times or text
// (nextSentences: the consistency rule). A change that brings no confidence of its own is a reviewer's: as the
// paragraph keeps its confidence unless the aligner brings a new one, the sentences the change moved or re-cut
// lose theirs (dropTouchedConfidence), unless they are back where an earlier state of the paragraph had them
// (an undo: restoreSentenceConfidence, from its revisions). Runs inside the caller's transaction.
import { AppError } from '../errors/app-error.ts';
import type { Fragment } from '../db/generated/client.ts';
import { fragmentSnapshot } from '../chapter-alignment/fragment-snapshot.ts';
import { parseFragmentSentences, stringifyFragmentSentences, type FragmentSentence } from '../chapter-alignment/fragment-sentences.ts';
import { nextSentences } from '../chapter-alignment/next-sentences.ts';
import { dropTouchedConfidence } from '../chapter-alignment/drop-touched-confidence.ts';
import { fragmentConflict } from './fragment-conflict.ts';
import { restoreSentenceConfidence } from './restore-sentence-confidence.ts';
import { parseRevisionSnapshot } from './revision-snapshot.ts';
import { fragmentView, type FragmentView } from './fragment-view.ts';
import type { RevisionSnapshot } from './revision-snapshot.ts';
import type { ReviewTx } from './review-tx.ts';

export type FragmentChange = Partial<Pick<Fragment, 'begin' | 'end' | 'text' | 'normText' | 'status' | 'confidence' | 'flag'>> & {
  /** The sentences to store as they are (a revert to a snapshot); otherwise they follow the change. */
  sentences?: FragmentSentence[] | null;
  /** One span per sentence (a reviewer's sentence boundaries, a re-alignment's with confidences): taken when the
   * count matches. */
  sentenceTimes?: readonly { begin: number; end: number; confidence?: number | null }[];
};

export async function saveFragmentChange(
  tx: ReviewTx,
  current: Fragment,
  change: FragmentChange,
  opts: { reason: string; userId?: string | null; before?: RevisionSnapshot; after?: Pick<RevisionSnapshot, 'splitOff'>; language?: string },
): Promise<FragmentView> {
  return (await saveFragmentRevision(tx, current, change, opts)).fragment;
}

/** saveFragmentChange, also handing back the revision it recorded (a split or a merge: the editor's undo reverts it). */
export async function saveFragmentRevision(
  tx: ReviewTx,
  current: Fragment,
  change: FragmentChange,
  opts: { reason: string; userId?: string | null; before?: RevisionSnapshot; after?: Pick<RevisionSnapshot, 'splitOff'>; language?: string },
): Promise<{ fragment: FragmentView; revisionId: string }> {
  const { sentences: given, sentenceTimes, ...fields } = change;
  const next =
    given !== undefined
      ? given
      : await nextSentences({
          current,
          begin: fields.begin !== undefined ? fields.begin : current.begin,
          end: fields.end !== undefined ? fields.end : current.end,
          text: fields.text ?? current.text,
          times: sentenceTimes,
          language:
            opts.language ??
            (async () =>
              (await tx.chapter.findUniqueOrThrow({ where: { id: current.chapterId }, select: { book: { select: { language: true } } } })).book
                .language),
        });
  const sentences =
    given === undefined && next != null && change.confidence === undefined
      ? await restoreFromRevisions(tx, current.id, dropTouchedConfidence(parseFragmentSentences(current.sentences), next))
      : next;
  let updated: Fragment;
  try {
    updated = await tx.fragment.update({
      where: { id: current.id, version: current.version },
      data: {
        ...fields,
        ...(sentences !== undefined ? { sentences: stringifyFragmentSentences(sentences) } : {}),
        version: current.version + 1,
      },
    });
  } catch (e) {
    if ((e as { code?: unknown })?.code === 'P2025') {
      throw fragmentConflict(current.id, await tx.fragment.findUnique({ where: { id: current.id } }));
    }
    throw e;
  }
  let revisionId: string;
  try {
    ({ id: revisionId } = await tx.fragmentRevision.create({
      data: {
        fragmentId: current.id,
        version: updated.version,
        userId: opts.userId ?? null,
        reason: opts.reason,
        before: JSON.stringify(opts.before ?? fragmentSnapshot(current)),
        after: JSON.stringify({ ...fragmentSnapshot(updated), ...opts.after }),
      },
      select: { id: true },
    }));
  } catch (e) {
    if ((e as { code?: unknown })?.code === 'P2003') {
      throw new AppError('NOT_FOUND', `User ${opts.userId} does not exist; sign in again.`, { userId: opts.userId });
    }
    throw e;
  }
  return { fragment: fragmentView(updated), revisionId };
}

/** How many of a paragraph's latest revisions an undo can bring sentence confidences back from. */
const CONFIDENCE_HISTORY = 50;

async function restoreFromRevisions(tx: ReviewTx, fragmentId: string, sentences: FragmentSentence[]): Promise<FragmentSentence[]> {
  if (sentences.every((s) => s.confidence !== undefined)) return sentences;
  const revisions = await tx.fragmentRevision.findMany({
    where: { fragmentId },
    orderBy: { version: 'desc' },
    take: CONFIDENCE_HISTORY,
    select: { before: true, after: true },
  });
  const earlier = revisions.flatMap((r) => [parseRevisionSnapshot(r.after)?.sentences, parseRevisionSnapshot(r.before)?.sentences]);
  return restoreSentenceConfidence(sentences, earlier.filter((list): list is FragmentSentence[] => !!list));
}
