import { beforeAll, describe, expect, it } from 'vitest';
import { useTestEnv } from '../testing/use-test-env.ts';
import { getDb } from '../db/client.ts';
import { seedReviewChapter } from '../testing/seed-review-chapter.ts';
import { updateBoundary } from './update-boundary.ts';

useTestEnv();
let ids: string[] = [];
let otherChapterFragment: string;

beforeAll(async () => {
  const seeded = await seedReviewChapter({
    durationSec: 10,
    fragments: [
      { text: 'Uno.', begin: 0, end: 3 },
      { text: 'Dos.', begin: 3, end: 6, status: 'approved' },
      { text: 'Tres.', begin: 6, end: 9 },
      { text: 'Sin audio.' },
    ],
  });
  ids = seeded.fragments.map((f) => f.id);
  const other = await seedReviewChapter({ bookId: seeded.bookId, position: 1, fragments: [{ text: 'Otro.', begin: 0, end: 2 }] });
  otherChapterFragment = other.fragments[0]!.id;
});

const id = (i: number) => ids[i]!;
const load = () => getDb().fragment.findMany({ where: { id: { in: ids } }, orderBy: { position: 'asc' } });

describe('updateBoundary', () => {
  it('moves the shared boundary of both fragments, bumps both versions, two revisions', async () => {
    const out = await updateBoundary({
      left: { fragmentId: id(0), expectedVersion: 1 },
      right: { fragmentId: id(1), expectedVersion: 1 },
      time: 3.25,
    });
    expect(out.left).toMatchObject({ begin: 0, end: 3.25, version: 2, status: 'edited' });
    expect(out.right).toMatchObject({ begin: 3.25, end: 6, version: 2, status: 'approved' });
    const revs = await getDb().fragmentRevision.findMany({ where: { fragmentId: { in: [id(0), id(1)] } } });
    expect(revs).toHaveLength(2);
    expect(revs.every((r) => r.reason === 'boundary' && r.version === 2)).toBe(true);
    const right = revs.find((r) => r.fragmentId === id(1))!;
    expect(JSON.parse(right.before!).begin).toBe(3);
    expect(JSON.parse(right.after).begin).toBe(3.25);
  });

  it('a side may name its status: undoing a move gives an auto fragment its status back', async () => {
    const seeded = await seedReviewChapter({
      durationSec: 10,
      fragments: [
        { text: 'Uno.', begin: 0, end: 3 },
        { text: 'Dos.', begin: 3, end: 6, status: 'approved' },
      ],
    });
    const [l, r] = seeded.fragments.map((f) => f.id) as [string, string];
    const moved = await updateBoundary({ left: { fragmentId: l, expectedVersion: 1 }, right: { fragmentId: r, expectedVersion: 1 }, time: 3.5 });
    expect([moved.left.status, moved.right.status]).toEqual(['edited', 'approved']);
    const back = await updateBoundary({
      left: { fragmentId: l, expectedVersion: 2, status: 'auto' },
      right: { fragmentId: r, expectedVersion: 2, status: 'approved' },
      time: 3,
    });
    expect(back.left).toMatchObject({ end: 3, status: 'auto', version: 3 });
    expect(back.right).toMatchObject({ begin: 3, status: 'approved', version: 3 });
  });

  it('a stale version on either side: CONFLICT with both current fragments, nothing written', async () => {
    const err = await updateBoundary({
      left: { fragmentId: id(1), expectedVersion: 2 },
      right: { fragmentId: id(2), expectedVersion: 7 },
      time: 5,
    }).catch((e) => e);
    expect(err).toMatchObject({ code: 'CONFLICT' });
    expect(err.details.fragment).toMatchObject({ id: id(2), version: 1 });
    expect(err.details.fragments.map((f: { id: string }) => f.id)).toEqual([id(1), id(2)]);
    const frags = await load();
    expect(frags.map((f) => [f.end, f.version])).toEqual([[3.25, 2], [6, 2], [9, 1], [null, 1]]);
  });

  it('two linked drags from the same state: the second gets CONFLICT', async () => {
    const req = (time: number) => ({ left: { fragmentId: id(1), expectedVersion: 2 }, right: { fragmentId: id(2), expectedVersion: 1 }, time });
    await updateBoundary({ ...req(5.5), reason: 'drag' });
    await expect(updateBoundary(req(6.5))).rejects.toMatchObject({ code: 'CONFLICT' });
    const frags = await load();
    expect(frags.map((f) => [f.begin, f.end])).toEqual([[0, 3.25], [3.25, 5.5], [5.5, 9], [null, null]]);
  });

  it('refuses a boundary that leaves a fragment no audio, non-adjacent fragments and fragments without times', async () => {
    const [a, b, c, d] = await load();
    const pair = (x: typeof a, y: typeof a, time: number) =>
      updateBoundary({ left: { fragmentId: x!.id, expectedVersion: x!.version }, right: { fragmentId: y!.id, expectedVersion: y!.version }, time });
    await expect(pair(a, b, 5.5)).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { field: 'time' } });
    await expect(pair(a, b, 0)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(pair(a, c, 4)).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { field: 'right' } });
    await expect(pair(b, a, 4)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(pair(c, d, 9.5)).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('align') });
    const other = await getDb().fragment.findUniqueOrThrow({ where: { id: otherChapterFragment } });
    await expect(pair(c, other, 1)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(
      updateBoundary({ left: { fragmentId: 'gone', expectedVersion: 1 }, right: { fragmentId: b!.id, expectedVersion: b!.version }, time: 3 }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await load()).map((f) => f.version)).toEqual([2, 3, 2, 1]);
  });

  it('a paragraph that runs past its audio (an imported sync map): a boundary past the audio’s end is refused, one inside is saved', async () => {
    const seeded = await seedReviewChapter({
      durationSec: 10,
      fragments: [
        { text: 'Uno.', begin: 0, end: 5 },
        { text: 'Dos.', begin: 5, end: 12 },
      ],
    });
    const [x, y] = seeded.fragments.map((f) => f.id) as [string, string];
    const drag = (time: number, version = 1) =>
      updateBoundary({ left: { fragmentId: x, expectedVersion: version }, right: { fragmentId: y, expectedVersion: version }, time });
    await expect(drag(11)).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { field: 'time' }, message: expect.stringContaining('between') });
    // a stale version is reported first, as it always was
    await expect(drag(11, 7)).rejects.toMatchObject({ code: 'CONFLICT' });
    const out = await drag(9.5);
    expect([out.left.end, out.right.begin, out.left.version, out.right.version]).toEqual([9.5, 9.5, 2, 2]);
  });
});
