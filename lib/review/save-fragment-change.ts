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
  opts: SaveOptions,
): Promise<FragmentView> {
  return (await saveFragmentRevision(tx, current, change, opts)).fragment;
}

/** saveFragmentChange, also handing back the revision it recorded (a split or a merge: the editor's undo reverts it). */
export async function saveFragmentRevision(
  tx: ReviewTx,
  current: Fragment,
  change: FragmentChange,
  opts: SaveOptions,
): Promise<{ fragment: FragmentView; revisionId: string }> {
  const [sentences] = await plannedSentences(tx, [{ current, change }], opts);
  const updated = await writeFragment(tx, current, change, sentences);
  let revisionId: string;
  try {
    ({ id: revisionId } = await tx.fragmentRevision.create({ data: revisionRow(current, updated, opts), select: { id: true } }));
  } catch (e) {
    throw unknownUser(e, opts);
  }
  return { fragment: fragmentView(updated), revisionId };
}

/**
 * saveFragmentChange for several paragraphs in one transaction (a shared boundary: both sides), the result the
 * same as saving them one after the other, in fewer statements: one read of their revision histories and one insert
 * of their revisions, besides an update each.
 */
export async function saveFragmentChanges(
  tx: ReviewTx,
  items: readonly { current: Fragment; change: FragmentChange }[],
  opts: SaveOptions,
): Promise<FragmentView[]> {
  const planned = await plannedSentences(tx, items, opts);
  const updated: Fragment[] = [];
  for (const [k, { current, change }] of items.entries()) updated.push(await writeFragment(tx, current, change, planned[k]));
  try {
    await tx.fragmentRevision.createMany({ data: items.map(({ current }, k) => revisionRow(current, updated[k]!, opts)) });
  } catch (e) {
    throw unknownUser(e, opts);
  }
  return updated.map(fragmentView);
}

type SaveOptions = {
  reason: string;
  userId?: string | null;
  before?: RevisionSnapshot;
  after?: Pick<RevisionSnapshot, 'splitOff'>;
  language?: string | (() => Promise<string>);
};

/** The sentences each change stores (undefined: left as they are): given, or following the change, with the
 * confidences an earlier state had given back (one read of the revisions for all of them). */
async function plannedSentences(
  tx: ReviewTx,
  items: readonly { current: Fragment; change: FragmentChange }[],
  opts: SaveOptions,
): Promise<(FragmentSentence[] | null | undefined)[]> {
  const next: (FragmentSentence[] | null | undefined)[] = [];
  const open: { fragmentId: string; sentences: FragmentSentence[]; k: number }[] = [];
  for (const [k, { current, change }] of items.entries()) {
    const { sentences: given, sentenceTimes, begin, end, text } = change;
    if (given !== undefined) {
      next.push(given);
      continue;
    }
    const following = await nextSentences({
      current,
      begin: begin !== undefined ? begin : current.begin,
      end: end !== undefined ? end : current.end,
      text: text ?? current.text,
      times: sentenceTimes,
      language:
        opts.language ??
        (async () =>
          (await tx.book.findFirstOrThrow({ where: { chapters: { some: { id: current.chapterId } } }, select: { language: true } })).language),
    });
    if (following != null && change.confidence === undefined) {
      open.push({ fragmentId: current.id, sentences: dropTouchedConfidence(parseFragmentSentences(current.sentences), following), k });
    }
    next.push(following);
  }
  const restored = await restoreFromRevisions(tx, open);
  for (const [j, { k }] of open.entries()) next[k] = restored[j];
  return next;
}

/** The version-checked update (a stale version: the conflict error, with the paragraph as it is now). */
async function writeFragment(tx: ReviewTx, current: Fragment, change: FragmentChange, sentences: FragmentSentence[] | null | undefined): Promise<Fragment> {
  const { sentences: _given, sentenceTimes: _times, ...fields } = change;
  try {
    return await tx.fragment.update({
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
}

function revisionRow(current: Fragment, updated: Fragment, opts: SaveOptions) {
  return {
    fragmentId: current.id,
    version: updated.version,
    userId: opts.userId ?? null,
    reason: opts.reason,
    before: JSON.stringify(opts.before ?? fragmentSnapshot(current)),
    after: JSON.stringify({ ...fragmentSnapshot(updated), ...opts.after }),
  };
}

const unknownUser = (e: unknown, opts: SaveOptions) =>
  (e as { code?: unknown })?.code === 'P2003' ? new AppError('NOT_FOUND', `User ${opts.userId} does not exist; sign in again.`, { userId: opts.userId }) : e;

/** How many of a paragraph's latest revisions an undo can bring sentence confidences back from. */
export const CONFIDENCE_HISTORY = 50;

/** LIKE patterns (escape character `\`) for a value as a revision's JSON writes it (JSON.stringify, no spaces):
 * a time followed by what can follow a value; the start of a text (its first 100 characters: a pattern has a
 * length limit in SQLite). */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const timeMarks = (key: 'begin' | 'end', t: number) => [`%"${key}":${JSON.stringify(t)},%`, `%"${key}":${JSON.stringify(t)}}%`];
const textMark = (text: string) => `%${likeEscape(`"text":${JSON.stringify(text)}`.slice(0, 100))}%`;

/**
 * restoreSentenceConfidence over each paragraph's latest CONFIDENCE_HISTORY revisions, newest first, for several
 * paragraphs in one statement. Only the revisions that can hold a match come back from the database: a sentence
 * matches one with the same text, begin and end, so a snapshot that lacks `"begin":<its begin>`, `"end":<its end>`
 * (JSON.stringify writes a number as it parses back, `,` or `}` after it) or the start of `"text":<its text>` cannot
 * give it a confidence. The rest, usually none, are read and matched as before, in the same order: the result is
 * the one reading all of them gives.
 */
async function restoreFromRevisions(
  tx: ReviewTx,
  lists: readonly { fragmentId: string; sentences: FragmentSentence[] }[],
): Promise<FragmentSentence[][]> {
  const asked = lists.filter((l) => l.sentences.some((s) => s.confidence === undefined));
  if (asked.length === 0) return lists.map((l) => l.sentences);
  const like = (column: Prisma.Sql, pattern: string) => Prisma.sql`${column} LIKE ${pattern} ESCAPE '\\'`;
  const has = (column: Prisma.Sql, key: 'begin' | 'end', t: number) => Prisma.sql`(${Prisma.join(timeMarks(key, t).map((m) => like(column, m)), ' OR ')})`;
  const holds = (column: Prisma.Sql, open: FragmentSentence[]) =>
    Prisma.join(
      open.map((s) => Prisma.sql`(${like(column, textMark(s.text))} AND ${has(column, 'begin', s.begin)} AND ${has(column, 'end', s.end)})`),
      ' OR ',
    );
  const window = (fragmentId: string) =>
    Prisma.sql`SELECT "id" FROM (SELECT "id" FROM "FragmentRevision" WHERE "fragmentId" = ${fragmentId} ORDER BY "version" DESC LIMIT ${Prisma.raw(String(CONFIDENCE_HISTORY))}) AS "w"`;
  const matching = (fragmentId: string, open: FragmentSentence[]) =>
    Prisma.sql`("fragmentId" = ${fragmentId} AND ((${holds(Prisma.sql`"after"`, open)}) OR ("before" IS NOT NULL AND (${holds(Prisma.sql`"before"`, open)}))))`;
  const open = (l: { sentences: FragmentSentence[] }) => l.sentences.filter((s) => s.confidence === undefined);
  const revisions = await tx.$queryRaw<{ fragmentId: string; before: string | null; after: string }[]>`
    SELECT "fragmentId", "before", "after" FROM "FragmentRevision"
    WHERE "id" IN (${Prisma.join(asked.map((l) => window(l.fragmentId)), ' UNION ALL ')})
      AND (${Prisma.join(asked.map((l) => matching(l.fragmentId, open(l))), ' OR ')})
    ORDER BY "version" DESC`;
  return lists.map(({ fragmentId, sentences }) => {
    const earlier = revisions
      .filter((r) => r.fragmentId === fragmentId)
      .flatMap((r) => [parseRevisionSnapshot(r.after)?.sentences, parseRevisionSnapshot(r.before)?.sentences]);
    return restoreSentenceConfidence(sentences, earlier.filter((list): list is FragmentSentence[] => !!list));
  });
}
