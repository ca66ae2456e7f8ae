// Puts a paragraph back to the state before or after one of its revisions. A revert is itself a new revision
// (nothing is rewritten), checked against the expected version like any edit.
import { z } from 'zod';
import { AppError } from '../errors/app-error.ts';
import { getDb } from '../db/client.ts';
import { checkFragmentTimes } from './check-fragment-times.ts';
import { fragmentConflict } from './fragment-conflict.ts';
import { fragmentView, type FragmentView } from './fragment-view.ts';
import { parseRevisionSnapshot } from './revision-snapshot.ts';
import { parseFragmentSentences } from '../chapter-alignment/fragment-sentences.ts';
import { saveFragmentChange, type FragmentChange } from './save-fragment-change.ts';

export const revertFragmentInput = z.object({
  fragmentId: z.string().min(1),
  revisionId: z.string().min(1),
  side: z.enum(['before', 'after']),
  expectedVersion: z.number().int().positive(),
  userId: z.string().min(1).nullish(),
});
export type RevertFragmentInput = z.input<typeof revertFragmentInput>;

/** Reverts begin, end, text, normText, status, confidence, flag and the sentences. Structural revisions (split, merge) can only be
 * reverted to their `after` side: their `before` describes paragraphs that no longer exist as such. */
export async function revertFragment(input: RevertFragmentInput): Promise<FragmentView> {
  const { fragmentId, revisionId, side, expectedVersion, userId } = revertFragmentInput.parse(input);
  return getDb().$transaction(async (tx) => {
    const [row, revision] = await Promise.all([
      tx.fragment.findUnique({
        where: { id: fragmentId },
        include: { chapter: { select: { audioFile: { select: { durationSec: true } } } } },
      }),
      tx.fragmentRevision.findUnique({ where: { id: revisionId } }),
    ]);
    if (!row) throw new AppError('NOT_FOUND', 'This paragraph does not exist any more; reload the chapter.', { fragmentId });
    if (!revision || revision.fragmentId !== fragmentId) {
      throw new AppError('NOT_FOUND', 'This revision is not part of the paragraph’s history; reload it.', { revisionId });
    }
    const { chapter, ...fragment } = row;
    if (fragment.version !== expectedVersion) throw fragmentConflict(fragmentId, fragment);
    if (side === 'before' && (revision.reason === 'split' || revision.reason === 'merge')) {
      throw new AppError(
        'INVALID_INPUT',
        revision.reason === 'split'
          ? 'A split cannot be reverted here: merge the two paragraphs again instead.'
          : 'A merge cannot be reverted here: split the paragraph again instead.',
        { field: 'side' },
      );
    }
    const snapshot = parseRevisionSnapshot(side === 'before' ? revision.before : revision.after);
    if (!snapshot) throw new AppError('INVALID_INPUT', 'This revision created the paragraph: there is no earlier state.', { field: 'side' });

    const change: FragmentChange = {};
    if (snapshot.begin !== fragment.begin || snapshot.end !== fragment.end) {
      await checkFragmentTimes(tx, fragment, snapshot.begin, snapshot.end, chapter.audioFile.durationSec);
      change.begin = snapshot.begin;
      change.end = snapshot.end;
    }
    if (snapshot.text !== fragment.text) change.text = snapshot.text;
    if (snapshot.normText !== fragment.normText) change.normText = snapshot.normText;
    if (snapshot.status !== fragment.status) change.status = snapshot.status;
    if (snapshot.confidence !== fragment.confidence) change.confidence = snapshot.confidence;
    // revisions made before flags were recorded carry no flag: leave the current one
    if (snapshot.flag !== undefined && snapshot.flag !== fragment.flag) change.flag = snapshot.flag;
    // The sentences come back with the paragraph's times and text. Revisions made before sentences were stored
    // (or while a timed paragraph had none) carry none: the sentences then follow the restored times and text.
    const sentences = snapshot.sentences === null && snapshot.begin !== null ? undefined : snapshot.sentences;
    if (sentences !== undefined && (Object.keys(change).length > 0 || JSON.stringify(sentences) !== JSON.stringify(parseFragmentSentences(fragment.sentences)))) {
      change.sentences = sentences;
    }
    if (Object.keys(change).length === 0) return fragmentView(fragment);
    return saveFragmentChange(tx, fragment, change, { reason: `revert to v${revision.version} ${side}`, userId });
  });
}
