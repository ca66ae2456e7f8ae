import { beforeAll, describe, expect, it } from 'vitest';
import { useTestEnv } from '../testing/use-test-env.ts';
import { getDb } from '../db/client.ts';
import { getConfig } from '../config/env.ts';
import { AppError } from '../errors/app-error.ts';
import { seedReviewChapter } from '../testing/seed-review-chapter.ts';
import { updateFragment } from './update-fragment.ts';
import { reviewQueue } from './review-queue.ts';
import { revertFragment } from './revert-fragment.ts';

useTestEnv();
let ids: string[] = [];
let userId: string;

beforeAll(async () => {
  const seeded = await seedReviewChapter({
    durationSec: 20,
    fragments: [
      { text: 'Capítulo primero.', begin: 0.5, end: 2 },
      { text: 'Era el año 1810.', begin: 2, end: 6 },
      { text: 'Llovía.', begin: 6.5, end: 9 },
      { text: 'Fin.', begin: 9, end: 12 },
    ],
  });
  ids = seeded.fragments.map((f) => f.id);
  userId = (await getDb().user.create({ data: { email: 'rev@example.org', name: 'Rev' } })).id;
});

const id = (i: number) => ids[i]!;
const load = (i: number) => getDb().fragment.findUniqueOrThrow({ where: { id: id(i) } });
const revisions = (i: number) => getDb().fragmentRevision.findMany({ where: { fragmentId: id(i) }, orderBy: { version: 'asc' } });

describe('updateFragment', () => {
  it('changes times, bumps the version and records a revision with both snapshots', async () => {
    const out = await updateFragment({ fragmentId: id(2), expectedVersion: 1, userId, changes: { begin: 6.25 }, reason: 'drag' });
    expect(out).toMatchObject({ id: id(2), begin: 6.25, end: 9, version: 2, status: 'edited' });
    const [rev] = await revisions(2);
    expect(rev).toMatchObject({ version: 2, userId, reason: 'drag' });
    expect(JSON.parse(rev!.before!)).toEqual({ begin: 6.5, end: 9, text: 'Llovía.', normText: 'llovía.', status: 'auto', confidence: null, flag: null, sentences: null });
    expect(JSON.parse(rev!.after)).toMatchObject({ begin: 6.25, end: 9, status: 'edited' });
  });

  it('re-normalises the text for the book language and marks it edited', async () => {
    const out = await updateFragment({ fragmentId: id(1), expectedVersion: 1, changes: { text: '  Era el año 1811.  ' } });
    expect(out.text).toBe('Era el año 1811.');
    expect(out.normText).toBe('era el año mil ochocientos once');
    expect(out.status).toBe('edited');
    const [rev] = await revisions(1);
    expect(rev!.reason).toBe('edit');
    expect(rev!.userId).toBeNull();
    expect(JSON.parse(rev!.after).normText).toBe('era el año mil ochocientos once');
  });

  it('keeps a given status; a time change leaves approved alone; a status-only change says so', async () => {
    const a = await updateFragment({ fragmentId: id(0), expectedVersion: 1, changes: { status: 'approved' } });
    expect(a).toMatchObject({ status: 'approved', version: 2 });
    const b = await updateFragment({ fragmentId: id(0), expectedVersion: 2, changes: { begin: 0.4 } });
    expect(b).toMatchObject({ status: 'approved', begin: 0.4, version: 3 });
    const c = await updateFragment({ fragmentId: id(0), expectedVersion: 3, changes: { text: 'Capítulo 1.', status: 'approved' } });
    expect(c).toMatchObject({ status: 'approved', normText: 'capítulo uno' });
    expect((await revisions(0)).map((r) => r.reason)).toEqual(['status approved', 'edit', 'edit']);
  });

  it('a change that changes nothing writes nothing', async () => {
    const before = await load(3);
    const out = await updateFragment({ fragmentId: id(3), expectedVersion: before.version, changes: { text: 'Fin.', end: 12 } });
    expect(out.version).toBe(before.version);
    expect(await revisions(3)).toHaveLength(0);
  });

  it('two clients with the same expected version: the second gets CONFLICT with the current fragment, nothing lost', async () => {
    const start = await load(3);
    const first = await updateFragment({ fragmentId: id(3), expectedVersion: start.version, changes: { text: 'Fin del capítulo.' } });
    const err = await updateFragment({ fragmentId: id(3), expectedVersion: start.version, changes: { end: 11 } }).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toContain('Someone else changed this paragraph');
    expect(err.details.fragment).toMatchObject({ id: id(3), text: 'Fin del capítulo.', version: first.version, end: 12 });
    const now = await load(3);
    expect(now).toMatchObject({ text: 'Fin del capítulo.', end: 12, version: first.version });
    expect(await revisions(3)).toHaveLength(1);
  });

  it('concurrent saves with the same version: exactly one wins', async () => {
    const start = await load(3);
    const results = await Promise.allSettled([
      updateFragment({ fragmentId: id(3), expectedVersion: start.version, changes: { end: 11.5 } }),
      updateFragment({ fragmentId: id(3), expectedVersion: start.version, changes: { end: 11.25 } }),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost[0]!.reason).toMatchObject({ code: 'CONFLICT' });
    expect((await load(3)).version).toBe(start.version + 1);
  });

  it('refuses overlaps with neighbours, inverted times, times outside the audio; changes nothing', async () => {
    const cases: Array<[number, { begin?: number; end?: number }, string]> = [
      [1, { end: 6.75 }, 'overlap paragraph 3'],
      [1, { begin: 0.3 }, 'overlap paragraph 1'],
      [2, { begin: 9.5 }, 'must come after the begin'],
      [3, { end: 21 }, 'past the end of the audio'],
      [0, { begin: -0.1 }, 'before the start'],
    ];
    for (const [i, changes, message] of cases) {
      const f = await load(i);
      const err = await updateFragment({ fragmentId: id(i), expectedVersion: f.version, changes }).catch((e) => e);
      expect(err, message).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining(message) });
      expect((await load(i)).version).toBe(f.version);
    }
    // touching the neighbour is fine
    const f = await load(1);
    expect((await updateFragment({ fragmentId: id(1), expectedVersion: f.version, changes: { end: 6.25 } })).end).toBe(6.25);
  });

  it('refuses an empty text, an unknown fragment, an unknown user and bad input', async () => {
    const f = await load(2);
    await expect(updateFragment({ fragmentId: id(2), expectedVersion: f.version, changes: { text: '  ' } })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(updateFragment({ fragmentId: 'nope', expectedVersion: 1, changes: { text: 'x' } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(updateFragment({ fragmentId: id(2), expectedVersion: f.version, userId: 'ghost', changes: { text: 'Llovía mucho.' } })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await load(2)).text).toBe('Llovía.');
    await expect(updateFragment({ fragmentId: id(2), expectedVersion: f.version, changes: { status: 'done' as 'edited' } })).rejects.toThrow();
    await expect(updateFragment({ fragmentId: id(2), expectedVersion: f.version, changes: { begin: Infinity } })).rejects.toThrow();
  });

  it('is fast enough for a drag: prints the p95 of 50 saves', async () => {
    const times: number[] = [];
    let f = await load(3);
    for (let i = 0; i < 50; i++) {
      const t0 = performance.now();
      const out = await updateFragment({ fragmentId: id(3), expectedVersion: f.version, changes: { end: 11 + (i % 2) * 0.5 } });
      times.push(performance.now() - t0);
      f = { ...f, version: out.version };
    }
    times.sort((a, b) => a - b);
    console.log(`updateFragment: p50 ${times[25]!.toFixed(1)} ms, p95 ${times[47]!.toFixed(1)} ms (${getConfig().isPostgres ? 'PostgreSQL' : 'SQLite'}, 50 saves)`);
    expect((await load(3)).version).toBe(f.version);
  });
});

describe('updateFragment: mark for attention', () => {
  it('sets and clears the attention flag as a revision, without changing the status; the flagged queue finds it', async () => {
    const seeded = await seedReviewChapter({
      durationSec: 10,
      fragments: [
        { text: 'Uno.', begin: 0, end: 2, status: 'approved' },
        { text: 'Dos.', begin: 2, end: 4, flag: 'not-in-audio' },
      ],
    });
    const [a, b] = seeded.fragments;
    const marked = await updateFragment({ fragmentId: a!.id, expectedVersion: 1, userId, changes: { flag: 'attention' } });
    expect(marked).toMatchObject({ flag: 'attention', status: 'approved', version: 2 });
    const queue = await reviewQueue({ chapterId: seeded.chapterId, status: ['approved'], flaggedOnly: true });
    expect(queue.items.map((i) => i.id)).toEqual([a!.id]);
    // marking again changes nothing
    expect((await updateFragment({ fragmentId: a!.id, expectedVersion: 2, changes: { flag: 'attention' } })).version).toBe(2);
    // a stale version is a conflict
    await expect(updateFragment({ fragmentId: a!.id, expectedVersion: 1, changes: { flag: null } })).rejects.toMatchObject({ code: 'CONFLICT' });
    const cleared = await updateFragment({ fragmentId: a!.id, expectedVersion: 2, userId, changes: { flag: null } });
    expect(cleared).toMatchObject({ flag: null, status: 'approved', version: 3 });
    const revs = await getDb().fragmentRevision.findMany({ where: { fragmentId: a!.id }, orderBy: { version: 'asc' } });
    expect(revs.map((r) => [r.version, r.reason, r.userId])).toEqual([
      [2, 'mark for attention', userId],
      [3, 'clear attention', userId],
    ]);
    // the snapshots carry the flag, so the history shows (and a revert restores) it
    expect([JSON.parse(revs[0]!.before!).flag, JSON.parse(revs[0]!.after).flag, JSON.parse(revs[1]!.after).flag]).toEqual([null, 'attention', null]);
    const { fragment: reverted } = await revertFragment({ fragmentId: a!.id, revisionId: revs[0]!.id, side: 'after', expectedVersion: 3, userId });
    expect(reverted).toMatchObject({ flag: 'attention', status: 'approved', version: 4 });

    // clearing leaves an aligner's flag alone; marking replaces it
    expect((await updateFragment({ fragmentId: b!.id, expectedVersion: 1, changes: { flag: null } })).flag).toBe('not-in-audio');
    expect(await getDb().fragmentRevision.count({ where: { fragmentId: b!.id } })).toBe(0);
    expect(await updateFragment({ fragmentId: b!.id, expectedVersion: 1, changes: { flag: 'attention' } })).toMatchObject({ flag: 'attention', status: 'auto' });
    // only 'attention' or null can be set
    await expect(updateFragment({ fragmentId: b!.id, expectedVersion: 2, changes: { flag: 'extra-audio' as 'attention' } })).rejects.toThrow();
  });
});
