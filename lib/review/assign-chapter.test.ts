import { beforeAll, describe, expect, it } from 'vitest';
import { useTestEnv } from '../testing/use-test-env.ts';
import { getDb } from '../db/client.ts';
import { AppError } from '../errors/app-error.ts';
import { seedReviewChapter } from '../testing/seed-review-chapter.ts';
import { assignChapter } from './assign-chapter.ts';
import { listMyChapters } from './list-my-chapters.ts';
import { listChapterAssignments } from './list-chapter-assignments.ts';

useTestEnv();
let admin: { id: string; role: string };
let ana: { id: string; role: string };
let beto: { id: string; role: string };
let projectId: string;
let ch1: string;
let ch2: string;
let other: string;

async function rejected(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

beforeAll(async () => {
  const db = getDb();
  admin = await db.user.create({ data: { email: 'admin@example.org', role: 'admin' } });
  ana = await db.user.create({ data: { email: 'ana@example.org', name: 'Ana', role: 'reviewer' } });
  beto = await db.user.create({ data: { email: 'beto@example.org', role: 'reviewer' } });
  // chapter 1: 2 approved, 1 rejected, 1 edited, 1 auto (one of them untimed) → 3 of 5 reviewed
  const c1 = await seedReviewChapter({
    fragments: [
      { text: 'a', begin: 0, end: 1, status: 'approved' },
      { text: 'b', begin: 1, end: 2, status: 'approved' },
      { text: 'c', begin: 2, end: 3, status: 'rejected' },
      { text: 'd', begin: 3, end: 4, status: 'edited' },
      { text: 'e', status: 'auto' },
    ],
  });
  projectId = c1.projectId;
  ch1 = c1.chapterId;
  ch2 = (await seedReviewChapter({ bookId: c1.bookId, position: 1, fragments: [{ text: 'f', begin: 0, end: 1 }] })).chapterId;
  other = (await seedReviewChapter({ fragments: [{ text: 'x', begin: 0, end: 1, status: 'approved' }] })).chapterId;
});

describe('assignChapter', () => {
  it('gives a chapter to a reviewer, recording when and by whom, and it shows on their list with its progress', async () => {
    const before = Date.now();
    const a = await assignChapter({ chapterId: ch1, assigneeId: ana.id }, admin);
    expect(a).toMatchObject({ chapterId: ch1, assignee: { id: ana.id, email: 'ana@example.org', name: 'Ana' } });
    expect(a.assignedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    const row = await getDb().chapter.findUniqueOrThrow({ where: { id: ch1 } });
    expect(row).toMatchObject({ assigneeId: ana.id, assignedById: admin.id });

    const mine = await listMyChapters({ userId: ana.id });
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      chapterId: ch1,
      position: 0,
      project: { id: projectId },
      fragments: { total: 5, reviewed: 3, approved: 2 },
      reviewedRatio: 0.6,
    });
    expect(await listMyChapters({ userId: beto.id })).toEqual([]);
  });

  it('lists a reviewer’s chapters in book order, and reassigning moves a chapter to the other list', async () => {
    await assignChapter({ chapterId: ch2, assigneeId: ana.id }, admin);
    await assignChapter({ chapterId: other, assigneeId: beto.id }, admin);
    expect((await listMyChapters({ userId: ana.id })).map((c) => c.chapterId)).toEqual([ch1, ch2]);
    const ch2Entry = (await listMyChapters({ userId: ana.id }))[1]!;
    expect(ch2Entry).toMatchObject({ fragments: { total: 1, reviewed: 0, approved: 0 }, reviewedRatio: 0 });

    await assignChapter({ chapterId: ch2, assigneeId: beto.id }, admin);
    expect((await listMyChapters({ userId: ana.id })).map((c) => c.chapterId)).toEqual([ch1]);
    expect((await listMyChapters({ userId: beto.id })).map((c) => c.chapterId).sort()).toEqual([ch2, other].sort());
  });

  it('shows who has what in a project, unassigned chapters included, and nothing of other projects', async () => {
    const list = await listChapterAssignments({ projectId });
    const byId = new Map(list.map((a) => [a.chapterId, a.assignee?.email ?? null]));
    expect(Object.fromEntries(byId)).toEqual({ [ch1]: 'ana@example.org', [ch2]: 'beto@example.org' });
  });

  it('unassigns with null: the chapter leaves the reviewer’s list and keeps no assigner', async () => {
    const a = await assignChapter({ chapterId: ch2, assigneeId: null }, admin);
    expect(a).toEqual({ chapterId: ch2, assignee: null, assignedAt: null });
    expect((await listMyChapters({ userId: beto.id })).map((c) => c.chapterId)).toEqual([other]);
    expect(await getDb().chapter.findUniqueOrThrow({ where: { id: ch2 } })).toMatchObject({ assigneeId: null, assignedById: null, assignedAt: null });
  });

  it('refuses a reviewer (FORBIDDEN), an unknown user (INVALID_INPUT) and a missing chapter (NOT_FOUND), changing nothing', async () => {
    expect((await rejected(assignChapter({ chapterId: ch1, assigneeId: beto.id }, ana))).code).toBe('FORBIDDEN');
    expect((await rejected(assignChapter({ chapterId: ch1, assigneeId: null }, { id: 'x', role: undefined }))).code).toBe('FORBIDDEN');
    const unknown = await rejected(assignChapter({ chapterId: ch1, assigneeId: 'no-such-user' }, admin));
    expect(unknown.code).toBe('INVALID_INPUT');
    expect(unknown.message).toContain('no-such-user');
    expect((await rejected(assignChapter({ chapterId: 'no-such-chapter', assigneeId: ana.id }, admin))).code).toBe('NOT_FOUND');
    expect((await rejected(assignChapter({ chapterId: ch1, assigneeId: '' }, admin))).code).toBe('INVALID_INPUT');
    expect((await getDb().chapter.findUniqueOrThrow({ where: { id: ch1 } })).assigneeId).toBe(ana.id);
  });

  it('a removed user’s chapters become unassigned', async () => {
    const carla = await getDb().user.create({ data: { email: 'carla@example.org', role: 'reviewer' } });
    await assignChapter({ chapterId: ch2, assigneeId: carla.id }, admin);
    await getDb().user.delete({ where: { id: carla.id } });
    expect((await getDb().chapter.findUniqueOrThrow({ where: { id: ch2 } })).assigneeId).toBeNull();
  });
});
