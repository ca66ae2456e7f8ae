// The one write path of the review use cases: bump the version only if it is still the one the change was based
// on, and record the revision. The paragraph's sentences follow every change of its times or text
// (nextSentences: the consistency rule). A change that brings no confidence of its own is a reviewer's: as the
// paragraph keeps its confidence unless the aligner brings a new one, the sentences the change moved or re-cut
// lose theirs (dropTouchedConfidence), unless they are back where an earlier state of the paragraph had them
// (an undo: restoreSentenceConfidence, from its revisions). Runs inside the caller's transaction.
import { AppError } from '../errors/app-error.ts';
import { Prisma, type Fragment } from '../db/generated/client.ts';
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
  opts: { reason: string; userId?: string | null; before?: RevisionSnapshot; after?: Pick<RevisionSnapshot, 'splitOff'>; language?: string | (() => Promise<string>) },
): Promise<FragmentView> {
  return (await saveFragmentRevision(tx, current, change, opts)).fragment;
}

/** saveFragmentChange, also handing back the revision it recorded (a split or a merge: the editor's undo reverts it). */
export async function saveFragmentRevision(
  tx: ReviewTx,
  current: Fragment,
  change: FragmentChange,
  opts: { reason: string; userId?: string | null; before?: RevisionSnapshot; after?: Pick<RevisionSnapshot, 'splitOff'>; language?: string | (() => Promise<string>) },
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
              (await tx.book.findFirstOrThrow({ where: { chapters: { some: { id: current.chapterId } } }, select: { language: true } })).language),
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
export const CONFIDENCE_HISTORY = 50;

/** LIKE patterns (escape character `\`) for a value as a revision's JSON writes it (JSON.stringify, no spaces):
 * a time followed by what can follow a value; the start of a text (its first 100 characters: a pattern has a
 * length limit in SQLite). */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const timeMarks = (key: 'begin' | 'end', t: number) => [`%"${key}":${JSON.stringify(t)},%`, `%"${key}":${JSON.stringify(t)}}%`];
const textMark = (text: string) => `%${likeEscape(`"text":${JSON.stringify(text)}`.slice(0, 100))}%`;

/**
 * restoreSentenceConfidence over the paragraph's latest CONFIDENCE_HISTORY revisions, newest first. Only the
 * revisions that can hold a match come back from the database: a sentence matches one with the same text, begin and
 * end, so a snapshot that lacks `"begin":<its begin>`, `"end":<its end>` (JSON.stringify writes a number as it
 * parses back, `,` or `}` after it) or the start of `"text":<its text>` cannot give it a confidence. The rest,
 * usually none, are read and matched as before, in the same order: the result is the one reading all of them gives.
 */
async function restoreFromRevisions(tx: ReviewTx, fragmentId: string, sentences: FragmentSentence[]): Promise<FragmentSentence[]> {
  const open = sentences.filter((s) => s.confidence === undefined);
  if (open.length === 0) return sentences;
  const like = (column: Prisma.Sql, pattern: string) => Prisma.sql`${column} LIKE ${pattern} ESCAPE '\\'`;
  const has = (column: Prisma.Sql, key: 'begin' | 'end', t: number) => Prisma.sql`(${Prisma.join(timeMarks(key, t).map((m) => like(column, m)), ' OR ')})`;
  const holds = (column: Prisma.Sql) =>
    Prisma.join(
      open.map((s) => Prisma.sql`(${like(column, textMark(s.text))} AND ${has(column, 'begin', s.begin)} AND ${has(column, 'end', s.end)})`),
      ' OR ',
    );
  const revisions = await tx.$queryRaw<{ before: string | null; after: string }[]>`
    SELECT "before", "after" FROM "FragmentRevision"
    WHERE "id" IN (SELECT "id" FROM "FragmentRevision" WHERE "fragmentId" = ${fragmentId} ORDER BY "version" DESC LIMIT ${Prisma.raw(String(CONFIDENCE_HISTORY))})
      AND ((${holds(Prisma.sql`"after"`)}) OR ("before" IS NOT NULL AND (${holds(Prisma.sql`"before"`)})))
    ORDER BY "version" DESC`;
  const earlier = revisions.flatMap((r) => [parseRevisionSnapshot(r.after)?.sentences, parseRevisionSnapshot(r.before)?.sentences]);
  return restoreSentenceConfidence(sentences, earlier.filter((list): list is FragmentSentence[] => !!list));
}
