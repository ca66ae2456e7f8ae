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
    const out = await revertFragment({ fragmentId: ids[0]!, revisionId: edit!.id, side: 'before', expectedVersion: 3, userId });
    expect(out).toMatchObject({ text: 'Uno.', normText: 'uno.', status: 'auto', confidence: 0.5, version: 4 });
    const revs = await listFragmentRevisions(ids[0]!);
    expect(revs[0]).toMatchObject({ version: 4, reason: 'revert to v2 before', user: { id: userId } });
    expect(revs[0]!.before).toMatchObject({ text: 'Uno y medio.', status: 'approved' });
    // and forward again to that revision's after
    const again = await revertFragment({ fragmentId: ids[0]!, revisionId: edit!.id, side: 'after', expectedVersion: 4 });
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
    const f2 = await revertFragment({ fragmentId: ids[2]!, revisionId: boundary!.id, side: 'before', expectedVersion: 2 });
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

  it('refuses a revision of another fragment, the before of a creation, and the before of split or merge', async () => {
    const [other] = await listFragmentRevisions(ids[0]!);
    const f1 = await load(1);
    await expect(revertFragment({ fragmentId: ids[1]!, revisionId: other!.id, side: 'before', expectedVersion: f1.version })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const f2 = await load(2);
    const { first, second } = await splitFragmentAt({ fragmentId: ids[2]!, expectedVersion: f2.version, atTime: 7, textCaret: 5 });
    const [created] = await listFragmentRevisions(second.id);
    await expect(revertFragment({ fragmentId: second.id, revisionId: created!.id, side: 'before', expectedVersion: 1 })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    const [split] = await listFragmentRevisions(first.id);
    expect(split!.reason).toBe('split');
    await expect(revertFragment({ fragmentId: first.id, revisionId: split!.id, side: 'before', expectedVersion: first.version })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('merge the two paragraphs'),
    });
    const merged = await mergeFragments({ fragmentId: first.id, expectedVersion: first.version, nextFragmentId: second.id, nextExpectedVersion: 1 });
    expect(merged.text).toBe('Tres cuatro.');
    const [merge] = await listFragmentRevisions(first.id);
    expect(merge!.before?.absorbed).toMatchObject({ id: second.id, text: 'cuatro.' });
    await expect(revertFragment({ fragmentId: first.id, revisionId: merge!.id, side: 'before', expectedVersion: merged.version })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });
});
