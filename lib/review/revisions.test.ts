import { beforeAll, describe, expect, it } from 'vitest';
import { useTestEnv } from '../testing/use-test-env.ts';
import { getDb } from '../db/client.ts';
import { seedReviewChapter } from '../testing/seed-review-chapter.ts';
import { listFragmentRevisions } from './list-fragment-revisions.ts';
import { revertFragment } from './revert-fragment.ts';
import { updateFragment } from './update-fragment.ts';
import { updateBoundary } from './update-boundary.ts';
import { splitFragmentAt } from './split-fragment-at.ts';
import { mergeFragments } from './merge-fragments.ts';

useTestEnv();
let ids: string[] = [];
let userId: string;

beforeAll(async () => {
  const seeded = await seedReviewChapter({
    durationSec: 10,
    fragments: [
      { text: 'Uno.', begin: 0, end: 3, confidence: 0.5 },
      { text: 'Dos.', begin: 3, end: 6 },
      { text: 'Tres cuatro.', begin: 6, end: 9 },
    ],
  });
  ids = seeded.fragments.map((f) => f.id);
  userId = (await getDb().user.create({ data: { email: 'hist@example.org', name: 'Ana' } })).id;
});

const load = (i: number) => getDb().fragment.findUniqueOrThrow({ where: { id: ids[i]! } });

describe('listFragmentRevisions / revertFragment', () => {
  it('lists revisions newest first with user and parsed snapshots', async () => {
    await updateFragment({ fragmentId: ids[0]!, expectedVersion: 1, userId, changes: { text: 'Uno y medio.' } });
    await updateFragment({ fragmentId: ids[0]!, expectedVersion: 2, changes: { status: 'approved' } });
    const revs = await listFragmentRevisions(ids[0]!);
    expect(revs.map((r) => [r.version, r.reason])).toEqual([[3, 'status approved'], [2, 'edit']]);
    expect(revs[1]!.user).toEqual({ id: userId, name: 'Ana', email: 'hist@example.org' });
    expect(revs[0]!.user).toBeNull();
    expect(revs[1]!.before).toMatchObject({ text: 'Uno.', status: 'auto' });
    expect(revs[1]!.after).toMatchObject({ text: 'Uno y medio.', normText: 'uno y medio', status: 'edited' });
    expect(await listFragmentRevisions(ids[1]!)).toEqual([]);
    await expect(listFragmentRevisions('nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('reverting to a before snapshot is a new revision and restores every field', async () => {
    const [, edit] = await listFragmentRevisions(ids[0]!);
    const { fragment: out } = await revertFragment({ fragmentId: ids[0]!, revisionId: edit!.id, side: 'before', expectedVersion: 3, userId });
    expect(out).toMatchObject({ text: 'Uno.', normText: 'uno.', status: 'auto', confidence: 0.5, version: 4 });
    const revs = await listFragmentRevisions(ids[0]!);
    expect(revs[0]).toMatchObject({ version: 4, reason: 'revert to v2 before', user: { id: userId } });
    expect(revs[0]!.before).toMatchObject({ text: 'Uno y medio.', status: 'approved' });
    // and forward again to that revision's after
    const { fragment: again } = await revertFragment({ fragmentId: ids[0]!, revisionId: edit!.id, side: 'after', expectedVersion: 4 });
    expect(again).toMatchObject({ text: 'Uno y medio.', status: 'edited', version: 5 });
  });

  it('checks the version: a stale revert gets CONFLICT', async () => {
    const [latest] = await listFragmentRevisions(ids[0]!);
    await expect(revertFragment({ fragmentId: ids[0]!, revisionId: latest!.id, side: 'before', expectedVersion: 4 })).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { fragment: { version: 5 } },
    });
    expect((await load(0)).version).toBe(5);
  });

  it('reverting times checks the neighbours as they are now', async () => {
    await updateFragment({ fragmentId: ids[1]!, expectedVersion: 1, changes: { end: 5 } }); // v2: 3–5
    await updateBoundary({ left: { fragmentId: ids[1]!, expectedVersion: 2 }, right: { fragmentId: ids[2]!, expectedVersion: 1 }, time: 4.5 }); // v3
    // fragment 2's first revision: before 6–9; reverting to it would leave 4.5–6 uncovered, fine
    const [boundary] = await listFragmentRevisions(ids[2]!);
    const { fragment: f2 } = await revertFragment({ fragmentId: ids[2]!, revisionId: boundary!.id, side: 'before', expectedVersion: 2 });
    expect([f2.begin, f2.end]).toEqual([6, 9]);
    // fragment 1 back to 3–6 is fine now too; but first move 2 left so that it would overlap
    await updateFragment({ fragmentId: ids[2]!, expectedVersion: 3, changes: { begin: 5.5 } });
    const revs1 = await listFragmentRevisions(ids[1]!);
    const first = revs1.at(-1)!; // before: 3–6
    await expect(revertFragment({ fragmentId: ids[1]!, revisionId: first.id, side: 'before', expectedVersion: 3 })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('overlap paragraph 3'),
    });
  });

  it('refuses a revision of another fragment and the before of a creation', async () => {
    const [other] = await listFragmentRevisions(ids[0]!);
    const f1 = await load(1);
    await expect(revertFragment({ fragmentId: ids[1]!, revisionId: other!.id, side: 'before', expectedVersion: f1.version })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const f2 = await load(2);
    const { second } = await splitFragmentAt({ fragmentId: ids[2]!, expectedVersion: f2.version, atTime: 7, textCaret: 5 });
    const [created] = await listFragmentRevisions(second.id);
    await expect(revertFragment({ fragmentId: second.id, revisionId: created!.id, side: 'before', expectedVersion: 1 })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });
});

describe('reverting a split or a merge', () => {
  const chapterRows = async (chapterId: string) =>
    (await getDb().fragment.findMany({ where: { chapterId }, orderBy: { position: 'asc' } })).map((f) => ({
      id: f.id,
      position: f.position,
      begin: f.begin,
      end: f.end,
      text: f.text,
      normText: f.normText,
      status: f.status,
      confidence: f.confidence,
      flag: f.flag,
      sentences: f.sentences,
    }));

  it('a merge reverted to its before gives both paragraphs back (ids, text, times, status, sentences, history); reverting that merges again', async () => {
    const seeded = await seedReviewChapter({
      durationSec: 20,
      fragments: [
        { text: 'Uno. Dos.', begin: 0, end: 4, confidence: 0.9, sentences: [{ begin: 0, end: 2 }, { begin: 2, end: 4 }] },
        { text: 'Tres. Cuatro.', begin: 4, end: 9, confidence: 0.3, flag: 'not-in-audio', sentences: [{ begin: 4, end: 6.5, confidence: 0.4 }, { begin: 6.5, end: 9 }] },
        { text: 'Cinco.', begin: 9, end: 12 },
      ],
    });
    const [a, b, c] = seeded.fragments.map((f) => f.id) as [string, string, string];
    // a history on both: b approved by a user, a's inner sentence boundary moved
    await updateFragment({ fragmentId: b, expectedVersion: 1, userId, changes: { status: 'approved' } });
    await updateFragment({ fragmentId: a, expectedVersion: 1, changes: { sentences: [{ begin: 0, end: 1.5 }, { begin: 1.5, end: 4 }] } });
    const before = await chapterRows(seeded.chapterId);
    const bRevisions = await listFragmentRevisions(b);

    const merged = await mergeFragments({ fragmentId: a, expectedVersion: 2, nextFragmentId: b, nextExpectedVersion: 2, userId });
    expect(merged.fragment).toMatchObject({ text: 'Uno. Dos. Tres. Cuatro.', begin: 0, end: 9, status: 'edited' });
    expect(await getDb().fragment.count({ where: { id: b } })).toBe(0);

    // a stale version is a conflict, and nothing changes
    await expect(revertFragment({ fragmentId: a, revisionId: merged.revisionId, side: 'before', expectedVersion: 2 })).rejects.toMatchObject({ code: 'CONFLICT' });

    const out = await revertFragment({ fragmentId: a, revisionId: merged.revisionId, side: 'before', expectedVersion: merged.fragment.version, userId });
    expect(out.removedId).toBeNull();
    expect(out.created).toMatchObject({ id: b, position: 1, text: 'Tres. Cuatro.', status: 'approved', version: 3 });
    expect(out.fragment).toMatchObject({ id: a, text: 'Uno. Dos.', begin: 0, end: 4, version: merged.fragment.version + 1 });
    expect(await chapterRows(seeded.chapterId)).toEqual(before);
    // b's history came back with it, plus the revision that says it was restored
    const restored = await listFragmentRevisions(b);
    expect(restored.slice(1).map((r) => [r.id, r.version, r.reason, r.user?.id ?? null])).toEqual(bRevisions.map((r) => [r.id, r.version, r.reason, r.user?.id ?? null]));
    expect(restored[0]).toMatchObject({ version: 3, reason: 'restored (merge reverted)', before: null });
    const [revert] = await listFragmentRevisions(a);
    expect(revert).toMatchObject({ id: out.revisionId, reason: 'revert to v3 before', after: { splitOff: { id: b } } });

    // reverting the revert merges them again (b's version is checked)
    await expect(
      revertFragment({ fragmentId: a, revisionId: out.revisionId!, side: 'before', expectedVersion: out.fragment.version, otherExpectedVersion: 2 }),
    ).rejects.toMatchObject({ code: 'CONFLICT', details: { fragment: { id: b, version: 3 } } });
    const again = await revertFragment({ fragmentId: a, revisionId: out.revisionId!, side: 'before', expectedVersion: out.fragment.version, otherExpectedVersion: 3 });
    expect(again).toMatchObject({ removedId: b, created: null, fragment: { text: 'Uno. Dos. Tres. Cuatro.', begin: 0, end: 9, status: 'edited' } });
    const rows = await chapterRows(seeded.chapterId);
    expect(rows.map((r) => [r.id, r.position])).toEqual([
      [a, 0],
      [c, 1],
    ]);
    expect(rows[0]!.sentences).toBe(JSON.stringify(merged.fragment.sentences));
  });

  it('a split reverted to its before gives the paragraph back and takes the second half away; reverting that splits again with the same id', async () => {
    const seeded = await seedReviewChapter({
      durationSec: 20,
      fragments: [
        { text: 'Uno. Dos. Tres.', begin: 0, end: 6, confidence: 0.7, sentences: [{ begin: 0, end: 2, confidence: 0.8 }, { begin: 2, end: 4.5 }, { begin: 4.5, end: 6 }] },
        { text: 'Cuatro.', begin: 6, end: 8 },
      ],
    });
    const [a, d] = seeded.fragments.map((f) => f.id) as [string, string];
    const before = await chapterRows(seeded.chapterId);
    const split = await splitFragmentAt({ fragmentId: a, expectedVersion: 1, atTime: 2.5, textCaret: 4 });
    expect((await chapterRows(seeded.chapterId)).map((r) => r.id)).toEqual([a, split.second.id, d]);

    const out = await revertFragment({ fragmentId: a, revisionId: split.revisionId, side: 'before', expectedVersion: split.first.version, otherExpectedVersion: 1 });
    expect(out).toMatchObject({ removedId: split.second.id, created: null, fragment: { text: 'Uno. Dos. Tres.', begin: 0, end: 6, status: 'auto' } });
    expect(await chapterRows(seeded.chapterId)).toEqual(before);

    const redo = await revertFragment({ fragmentId: a, revisionId: out.revisionId!, side: 'before', expectedVersion: out.fragment.version });
    expect(redo.created).toMatchObject({ id: split.second.id, position: 1, begin: 2.5, end: 6, text: 'Dos. Tres.' });
    expect(redo.fragment).toMatchObject({ text: 'Uno.', begin: 0, end: 2.5 });
    expect((await chapterRows(seeded.chapterId)).map((r) => [r.id, r.position])).toEqual([
      [a, 0],
      [split.second.id, 1],
      [d, 2],
    ]);
  });

  it('refuses to revert a split whose second half is gone, and old splits (no splitOff) to their before', async () => {
    const seeded = await seedReviewChapter({
      durationSec: 20,
      fragments: [
        { text: 'Uno. Dos.', begin: 0, end: 4 },
        { text: 'Tres.', begin: 4, end: 6 },
      ],
    });
    const [a, b] = seeded.fragments.map((f) => f.id) as [string, string];
    const split = await splitFragmentAt({ fragmentId: a, expectedVersion: 1, atTime: 2, textCaret: 4 });
    // the second half merged back by hand: it is gone, and so is what the split could take away
    const merged = await mergeFragments({ fragmentId: a, expectedVersion: split.first.version, nextFragmentId: split.second.id, nextExpectedVersion: 1 });
    await expect(revertFragment({ fragmentId: a, revisionId: split.revisionId, side: 'before', expectedVersion: merged.fragment.version })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await chapterRows(seeded.chapterId)).map((r) => r.id)).toEqual([a, b]);
    // a split revision without `splitOff` (made before) is refused with a way out
    const legacy = await getDb().fragmentRevision.update({ where: { id: split.revisionId }, data: { after: JSON.stringify({ ...JSON.parse((await getDb().fragmentRevision.findUniqueOrThrow({ where: { id: split.revisionId } })).after), splitOff: undefined }) } });
    await expect(revertFragment({ fragmentId: a, revisionId: legacy.id, side: 'before', expectedVersion: merged.fragment.version })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('merge the two paragraphs'),
    });
  });
});
