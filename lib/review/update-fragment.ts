// Saves a reviewer's change to one paragraph (times, text, status, the 'attention' flag, its sentence boundaries) with optimistic concurrency: the change is
// based on `expectedVersion`; if the fragment moved on meanwhile nothing is written and the caller gets CONFLICT
// with the current fragment. One transaction: the paragraph, its book's language (a new text) or its audio's
// duration (new times) when the change needs them, the revision history (sentences moved: saveFragmentChange),
// the update and the revision.
import { z } from 'zod';
import { AppError } from '../errors/app-error.ts';
import { getDb } from '../db/client.ts';
import { normaliseForLanguage } from '../text/normalise-for-language.ts';
import { roundTime } from './move-boundary.ts';
import { checkFragmentTimes } from './check-fragment-times.ts';
import { fragmentConflict } from './fragment-conflict.ts';
import { ATTENTION_FLAG, FRAGMENT_STATUSES, fragmentView, type FragmentView } from './fragment-view.ts';
import { saveFragmentChange, type FragmentChange } from './save-fragment-change.ts';
import { checkSentenceTimes } from './check-sentence-times.ts';

export const updateFragmentInput = z.object({
  fragmentId: z.string().min(1),
  expectedVersion: z.number().int().positive(),
  userId: z.string().min(1).nullish(),
  changes: z
    .object({
      begin: z.number().optional(),
      end: z.number().optional(),
      text: z.string().max(50_000).optional(),
      status: z.enum(FRAGMENT_STATUSES).optional(),
      /** 'attention' marks the paragraph for a reviewer's attention; null clears that mark (only that one). */
      flag: z.literal(ATTENTION_FLAG).nullable().optional(),
      /**
       * The paragraph's sentence times, one per sentence it has now (moving an inner sentence boundary). The first
       * begin and the last end are the paragraph's own; inner edges must lie inside it, in order.
       */
      sentences: z
        .array(z.object({ begin: z.number().finite(), end: z.number().finite() }).strict())
        .min(1)
        .max(2000)
        .optional(),
    })
    .strict()
    .refine((c) => c.sentences === undefined || c.text === undefined, {
      message: 'Save the text and the sentence boundaries separately: a new text cuts the sentences again.',
      path: ['sentences'],
    }),
  reason: z.string().trim().min(1).max(200).optional(),
});
export type UpdateFragmentInput = z.input<typeof updateFragmentInput>;

/**
 * Status rules when `changes.status` is not given: a text change makes the fragment 'edited'; a time change
 * (of the paragraph or of its sentences) makes an 'auto' fragment 'edited' and leaves approved/rejected/edited
 * as they are. A request that changes
 * nothing writes nothing and returns the fragment as it is (the version is still checked).
 * `changes.flag`: 'attention' sets the flag (replacing an aligner's flag); null clears it only when it is
 * 'attention' (an aligner's flag stays). The flag does not change the status.
 */
export async function updateFragment(input: UpdateFragmentInput): Promise<FragmentView> {
  const { fragmentId, expectedVersion, userId, changes, reason } = updateFragmentInput.parse(input);
  return getDb().$transaction(async (tx) => {
    // the paragraph alone (a status or a flag needs nothing else); its book's language and its audio's duration
    // only when a change needs them, one statement each
    const fragment = await tx.fragment.findUnique({ where: { id: fragmentId } });
    if (!fragment) throw new AppError('NOT_FOUND', 'This paragraph does not exist any more; reload the chapter.', { fragmentId });
    if (fragment.version !== expectedVersion) throw fragmentConflict(fragmentId, fragment);
    let language: string | undefined;
    const bookLanguage = async () =>
      (language ??= (await tx.book.findFirstOrThrow({ where: { chapters: { some: { id: fragment.chapterId } } }, select: { language: true } })).language);

    const change: FragmentChange = {};
    const begin = changes.begin === undefined ? fragment.begin : roundTime(changes.begin);
    const end = changes.end === undefined ? fragment.end : roundTime(changes.end);
    const timesChanged = begin !== fragment.begin || end !== fragment.end;
    if (timesChanged) {
      if ((fragment.lockedBegin && begin !== fragment.begin) || (fragment.lockedEnd && end !== fragment.end)) {
        throw new AppError('INVALID_INPUT', 'This boundary is locked as an anchor; unlock it before moving it.', {
          field: fragment.lockedBegin && begin !== fragment.begin ? 'begin' : 'end',
        });
      }
      const audio = await tx.audioFile.findFirstOrThrow({ where: { chapter: { is: { id: fragment.chapterId } } }, select: { durationSec: true } });
      await checkFragmentTimes(tx, fragment, begin, end, audio.durationSec);
      change.begin = begin;
      change.end = end;
    }
    let textChanged = false;
    if (changes.text !== undefined) {
      const text = changes.text.trim();
      if (!text) {
        throw new AppError('INVALID_INPUT', 'A paragraph cannot be empty: reject it or merge it with its neighbour instead.', {
          field: 'text',
        });
      }
      if (text !== fragment.text) {
        textChanged = true;
        change.text = text;
        change.normText = normaliseForLanguage(text, await bookLanguage());
      }
    }
    let sentencesChanged = false;
    if (changes.sentences !== undefined) {
      const times = checkSentenceTimes(fragment, begin, end, changes.sentences.map((t) => ({ begin: roundTime(t.begin), end: roundTime(t.end) })));
      if (times) {
        sentencesChanged = true;
        change.sentenceTimes = times;
      }
    }
    const edited = textChanged || sentencesChanged || timesChanged;
    const status = changes.status ?? (textChanged || (edited && fragment.status === 'auto') ? 'edited' : fragment.status);
    if (status !== fragment.status) change.status = status;
    if (changes.flag !== undefined) {
      const flag = changes.flag === null && fragment.flag !== ATTENTION_FLAG ? fragment.flag : changes.flag;
      if (flag !== fragment.flag) change.flag = flag;
    }

    if (Object.keys(change).length === 0) return fragmentView(fragment);
    const defaultReason =
      textChanged || timesChanged
        ? 'edit'
        : sentencesChanged
          ? 'sentence boundary'
        : change.status !== undefined
          ? `status ${status}`
          : change.flag === ATTENTION_FLAG
            ? 'mark for attention'
            : 'clear attention';
    return saveFragmentChange(tx, fragment, change, { reason: reason ?? defaultReason, userId, language: language ?? bookLanguage });
  });
}
