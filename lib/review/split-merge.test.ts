import { beforeAll, describe, expect, it } from 'vitest';
import { useTestEnv } from '../testing/use-test-env.ts';
import { getDb } from '../db/client.ts';
import { seedReviewChapter } from '../testing/seed-review-chapter.ts';
import { splitFragmentAt } from './split-fragment-at.ts';
import { mergeFragments } from './merge-fragments.ts';

useTestEnv();
let chapterId: string;
let ids: string[] = [];
let userId: string;

beforeAll(async () => {
  const seeded = await seedReviewChapter({
    durationSec: 30,
    fragments: [
      { text: 'Prólogo.', begin: 0, end: 2, confidence: 0.9 },
      { text: 'Era de noche. Llovía sin parar desde 1810.', begin: 2, end: 10, confidence: 0.4, flag: 'low-confidence' },
      { text: 'Verde que te quiero verde.\nVerde viento.', begin: 10, end: 14, confidence: 0.8 },
      { text: 'Verdes ramas.', begin: 14, end: 16, confidence: 0.6 },
      { text: 'Fin.', begin: 16, end: 18 },
    ],
  });
  chapterId = seeded.chapterId;
  ids = seeded.fragments.map((f) => f.id);
  userId = (await getDb().user.create({ data: { email: 'split@example.org' } })).id;
});

const chapter = () => getDb().fragment.findMany({ where: { chapterId }, orderBy: { position: 'asc' } });

describe('splitFragmentAt / mergeFragments', () => {
  it('splits text and times; later positions move up; revisions say split', async () => {
    const { first, second } = await splitFragmentAt({ fragmentId: ids[1]!, expectedVersion: 1, atTime: 4.5, textCaret: 13, userId });
    expect(first).toMatchObject({ id: ids[1], position: 1, begin: 2, end: 4.5, text: 'Era de noche.', normText: 'era de noche', status: 'edited', version: 2 });
    expect(second).toMatchObject({
      position: 2,
      begin: 4.5,
      end: 10,
      text: 'Llovía sin parar desde 1810.',
      normText: 'llovía sin parar desde mil ochocientos diez',
      status: 'edited',
      confidence: 0.4,
      flag: 'low-confidence',
      version: 1,
    });
    const frags = await chapter();
    expect(frags.map((f) => f.position)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(frags.map((f) => f.text)).toEqual(['Prólogo.', 'Era de noche.', 'Llovía sin parar desde 1810.', 'Verde que te quiero verde.\nVerde viento.', 'Verdes ramas.', 'Fin.']);
    const revA = await getDb().fragmentRevision.findFirstOrThrow({ where: { fragmentId: ids[1] } });
    expect(revA).toMatchObject({ reason: 'split', version: 2, userId });
    expect(JSON.parse(revA.before!).text).toBe('Era de noche. Llovía sin parar desde 1810.');
    expect(JSON.parse(revA.after).text).toBe('Era de noche.');
    const revB = await getDb().fragmentRevision.findFirstOrThrow({ where: { fragmentId: second.id } });
    expect(revB).toMatchObject({ reason: 'split', version: 1, before: null });
  });

  it('merge round trip restores text and times; the deleted fragment is kept in the revision', async () => {
    const [, a, b] = await chapter();
    const { fragment: merged } = await mergeFragments({ fragmentId: a!.id, expectedVersion: a!.version, nextFragmentId: b!.id, nextExpectedVersion: b!.version, userId });
    expect(merged).toMatchObject({
      id: ids[1],
      position: 1,
      begin: 2,
      end: 10,
      text: 'Era de noche. Llovía sin parar desde 1810.',
      normText: 'era de noche llovía sin parar desde mil ochocientos diez',
      confidence: 0.4,
      flag: 'low-confidence',
      version: 3,
    });
    const frags = await chapter();
    expect(frags.map((f) => f.id)).toEqual(ids);
    expect(frags.map((f) => f.position)).toEqual([0, 1, 2, 3, 4]);
    expect(await getDb().fragment.findUnique({ where: { id: b!.id } })).toBeNull();
    const rev = await getDb().fragmentRevision.findFirstOrThrow({ where: { fragmentId: ids[1], reason: 'merge' } });
    const before = JSON.parse(rev.before!);
    expect(before.text).toBe('Era de noche.');
    expect(before.absorbed).toMatchObject({ id: b!.id, position: 2, version: 1, text: 'Llovía sin parar desde 1810.', begin: 4.5, end: 10 });
  });

  it('merges verse with a newline, the lower confidence, and text without times', async () => {
    const [, , c, d] = await chapter();
    const { fragment: merged } = await mergeFragments({ fragmentId: c!.id, expectedVersion: 1, nextFragmentId: d!.id, nextExpectedVersion: 1 });
    expect(merged).toMatchObject({ text: 'Verde que te quiero verde.\nVerde viento.\nVerdes ramas.', begin: 10, end: 16, confidence: 0.6 });
    expect((await chapter()).map((f) => f.position)).toEqual([0, 1, 2, 3]);
  });

  it('a stale version on either side: CONFLICT and nothing changes', async () => {
    const before = await chapter();
    const [a, b] = before;
    await expect(
      mergeFragments({ fragmentId: a!.id, expectedVersion: a!.version, nextFragmentId: b!.id, nextExpectedVersion: b!.version - 1 }),
    ).rejects.toMatchObject({ code: 'CONFLICT', details: { fragment: { id: b!.id, version: b!.version } } });
    await expect(splitFragmentAt({ fragmentId: b!.id, expectedVersion: 1, atTime: 3, textCaret: 5 })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await chapter()).toEqual(before);
  });

  it('two clients splitting the same paragraph: the second gets CONFLICT, one split only', async () => {
    const [, , , last] = await chapter();
    const req = { fragmentId: last!.id, expectedVersion: last!.version, atTime: 17, textCaret: 2 };
    const { first, second } = await splitFragmentAt(req);
    expect([first.text, second.text]).toEqual(['Fi', 'n.']);
    await expect(splitFragmentAt({ ...req, atTime: 16.5, textCaret: 3 })).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { fragment: { id: last!.id, text: 'Fi', version: last!.version + 1 } },
    });
    expect((await chapter()).map((f) => f.text).slice(3)).toEqual(['Fi', 'n.']);
  });

  it('refuses a split outside the fragment or at the edge of the text, and a merge of non-neighbours', async () => {
    const before = await chapter();
    const [p, a, , , z] = before;
    for (const bad of [{ atTime: 2 }, { atTime: 10.5 }, { textCaret: 0 }, { textCaret: 999 }]) {
      await expect(splitFragmentAt({ fragmentId: a!.id, expectedVersion: a!.version, atTime: 5, textCaret: 13, ...bad })).rejects.toMatchObject({
        code: 'INVALID_INPUT',
      });
    }
    await expect(
      mergeFragments({ fragmentId: p!.id, expectedVersion: p!.version, nextFragmentId: z!.id, nextExpectedVersion: z!.version }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(
      mergeFragments({ fragmentId: a!.id, expectedVersion: a!.version, nextFragmentId: p!.id, nextExpectedVersion: p!.version }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await chapter()).toEqual(before);
  });

  it('splits the first and the last fragment (all later positions move, or none)', async () => {
    const [p] = await chapter();
    await splitFragmentAt({ fragmentId: p!.id, expectedVersion: p!.version, atTime: 1, textCaret: 3 });
    const last = (await chapter()).at(-1)!;
    await splitFragmentAt({ fragmentId: last.id, expectedVersion: last.version, atTime: 17.5, textCaret: 1 });
    const after = await chapter();
    expect(after.map((f) => f.position)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(after.map((f) => f.text)).toEqual(['Pró', 'logo.', 'Era de noche. Llovía sin parar desde 1810.', 'Verde que te quiero verde.\nVerde viento.\nVerdes ramas.', 'Fi', 'n', '.']);
    expect(after.map((f) => [f.begin, f.end])).toEqual([[0, 1], [1, 2], [2, 10], [10, 16], [16, 17], [17, 17.5], [17.5, 18]]);
  });
});
