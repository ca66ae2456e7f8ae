import { beforeAll, describe, expect, it } from 'vitest';
import { useTestEnv } from '../testing/use-test-env.ts';
import { getDb } from '../db/client.ts';
import { seedReviewChapter } from '../testing/seed-review-chapter.ts';
import { reviewQueue } from './review-queue.ts';
import { reviewProgress } from './review-progress.ts';

useTestEnv();
let projectId: string;
let bookA: string;
let bookB: string;
let ch1: string;
let ch2: string;
let ch3: string;

beforeAll(async () => {
  // book A, chapter 1: 10 s approved, 5 s rejected, 3 s edited, 2 s auto, one untimed
  const c1 = await seedReviewChapter({
    fragments: [
      { text: 'a1', begin: 0, end: 10, status: 'approved', confidence: 0.9 },
      { text: 'a2', begin: 10, end: 15, status: 'rejected', confidence: 0.2 },
      { text: 'a3', begin: 15, end: 18, status: 'edited', confidence: 0.5, flag: 'not-in-audio' },
      { text: 'a4', begin: 18, end: 20, status: 'auto', confidence: null },
      { text: 'a5', status: 'auto' },
    ],
  });
  projectId = c1.projectId;
  bookA = c1.bookId;
  ch1 = c1.chapterId;
  // book A, chapter 2: 4 s auto, 6 s approved
  const c2 = await seedReviewChapter({
    bookId: bookA,
    position: 1,
    fragments: [
      { text: 'b1', begin: 0, end: 4, confidence: 0.5 },
      { text: 'b2', begin: 4, end: 10, status: 'approved', confidence: 0.1, flag: 'low' },
    ],
  });
  ch2 = c2.chapterId;
  // book B in the same project: 3.5 s auto
  const book = await getDb().book.create({ data: { projectId, title: 'Libro B' } });
  bookB = book.id;
  const c3 = await seedReviewChapter({ bookId: bookB, fragments: [{ text: 'c1', begin: 1, end: 4.5, confidence: 0.3 }] });
  ch3 = c3.chapterId;
  // an unrelated project must never show up
  await seedReviewChapter({ fragments: [{ text: 'x', begin: 0, end: 1, confidence: 0 }] });
});

const texts = (r: { items: Array<{ text: string }> }) => r.items.map((i) => i.text);

describe('reviewQueue', () => {
  it('orders flagged first, then worst confidence first, null confidence last, ties in reading order', async () => {
    expect(texts(await reviewQueue({ chapterId: ch1 }))).toEqual(['a3', 'a2', 'a1', 'a4', 'a5']);
    expect(texts(await reviewQueue({ bookId: bookA }))).toEqual(['b2', 'a3', 'a2', 'b1', 'a1', 'a4', 'a5']);
    const project = await reviewQueue({ projectId });
    expect(texts(project)).toEqual(['b2', 'a3', 'a2', 'c1', 'b1', 'a1', 'a4', 'a5']);
    expect(project.total).toBe(8);
    expect(project.items[3]!.chapter).toEqual({ id: ch3, title: expect.any(String), position: 0, bookId: bookB, bookTitle: 'Libro B' });
    expect(project.items[0]).toMatchObject({ chapterId: ch2, position: 1, version: 1, flag: 'low' });
  });

  it('filters by status, confidence range and flag', async () => {
    expect(texts(await reviewQueue({ projectId, status: ['auto', 'edited'] }))).toEqual(['a3', 'c1', 'b1', 'a4', 'a5']);
    expect(texts(await reviewQueue({ projectId, minConfidence: 0.3, maxConfidence: 0.5 }))).toEqual(['a3', 'c1', 'b1']);
    expect(texts(await reviewQueue({ projectId, maxConfidence: 0.2 }))).toEqual(['b2', 'a2']);
    expect(texts(await reviewQueue({ projectId, flaggedOnly: true }))).toEqual(['b2', 'a3']);
    expect(texts(await reviewQueue({ bookId: bookA, status: ['auto'], flaggedOnly: true }))).toEqual([]);
  });

  it('pages with limit and offset; total counts all', async () => {
    const page = await reviewQueue({ projectId, limit: 3, offset: 3 });
    expect(texts(page)).toEqual(['c1', 'b1', 'a1']);
    // a page across the flagged/unflagged seam
    expect(texts(await reviewQueue({ projectId, limit: 3, offset: 1 }))).toEqual(['a3', 'a2', 'c1']);
    expect(page.total).toBe(8);
  });

  it('refuses an unknown scope or none, and bad filters', async () => {
    await expect(reviewQueue({ chapterId: 'nope' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(reviewQueue({} as { chapterId: string })).rejects.toThrow('exactly one');
    await expect(reviewQueue({ chapterId: ch1, bookId: bookA } as { chapterId: string })).rejects.toThrow('exactly one');
    await expect(reviewQueue({ chapterId: ch1, status: ['done' as 'auto'] })).rejects.toThrow();
  });
});

describe('reviewProgress', () => {
  it('per chapter: reviewed = approved + rejected, edited in progress, auto pending', async () => {
    const p = await reviewProgress({ chapterId: ch1 });
    expect(p).toMatchObject({ totalSec: 20, reviewedSec: 15, inProgressSec: 3, pendingSec: 2, reviewedRatio: 0.75 });
    expect(p.fragments).toEqual({ total: 5, approved: 1, rejected: 1, edited: 1, auto: 2, untimed: 1 });
    expect(p.chapters).toHaveLength(1);
    expect(p.books).toEqual([expect.objectContaining({ bookId: bookA, totalSec: 20 })]);
  });

  it('per book and per project, with breakdowns in order', async () => {
    const book = await reviewProgress({ bookId: bookA });
    expect(book).toMatchObject({ totalSec: 30, reviewedSec: 21, inProgressSec: 3, pendingSec: 6, reviewedRatio: 0.7 });
    expect(book.chapters.map((c) => [c.chapterId, c.totalSec, c.reviewedSec])).toEqual([[ch1, 20, 15], [ch2, 10, 6]]);
    const project = await reviewProgress({ projectId });
    expect(project).toMatchObject({ totalSec: 33.5, reviewedSec: 21, pendingSec: 9.5 });
    expect(project.reviewedRatio).toBeCloseTo(21 / 33.5, 12);
    expect(project.fragments.total).toBe(8);
    expect(project.books.map((b) => [b.bookId, b.totalSec])).toEqual([[bookA, 30], [bookB, 3.5]]);
    expect(project.chapters.map((c) => c.chapterId)).toEqual([ch1, ch2, ch3]);
  });

  it('a scope without fragments is all zeros; an unknown one is NOT_FOUND', async () => {
    const empty = await getDb().project.create({ data: { name: 'empty' } });
    expect(await reviewProgress({ projectId: empty.id })).toMatchObject({ totalSec: 0, reviewedRatio: 0, books: [], chapters: [] });
    await expect(reviewProgress({ bookId: 'nope' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
