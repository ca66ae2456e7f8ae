// Anchors and span re-alignment against a real SQLite file: locks, the lock guards of the boundary saves, a
// realign-span job on a small espeak-ng chapter (its proposal keeps the anchors and finds the true pauses),
// and accepting a proposal (versions checked, reviewed paragraphs kept, revisions 'realign').
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestEnv } from '../testing/use-test-env.ts';
import { getDb } from '../db/client.ts';
import { getStorage } from '../storage/storage.ts';
import { catchAppErrorAsync } from '../testing/catch-app-error.ts';
import { claimJob } from '../jobs/claim-job.ts';
import { runClaimedJob } from '../jobs/run-claimed-job.ts';
import { realignSpanJob } from './realign-span-job.ts';
import { createJobRegistry } from '../jobs/create-job-registry.ts';
import { buildSyntheticChapter, type SyntheticChapter } from '../testing/build-synthetic-chapter.ts';
import { SPANISH_PARAGRAPHS } from '../align/spanish-paragraphs.ts';
import { seedReviewChapter } from '../testing/seed-review-chapter.ts';
import { setAnchor } from './set-anchor.ts';
import { updateBoundary } from './update-boundary.ts';
import { updateFragment } from './update-fragment.ts';
import { queueSpanRealign } from './queue-span-realign.ts';
import { getSpanRealign } from './get-span-realign.ts';
import { acceptSpanRealign } from './accept-span-realign.ts';
import type { RealignProposal } from './realign-proposal.ts';

const jobRegistry = createJobRegistry([realignSpanJob]);

useTestEnv();

const load = (ids: string[]) => getDb().fragment.findMany({ where: { id: { in: ids } }, orderBy: { position: 'asc' } });

/** A succeeded realign-span job with a hand-made proposal (the aligner's part is tested below). */
async function fakeProposal(chapterId: string, frags: Awaited<ReturnType<typeof load>>, times: Array<[number, number]>) {
  const proposal: RealignProposal = {
    kind: 'realign-proposal',
    chapterId,
    span: { begin: frags[0]!.begin!, end: frags.at(-1)!.end! },
    anchoredBegin: true,
    anchoredEnd: true,
    createdAt: new Date().toISOString(),
    fragments: frags.map((f, i) => ({
      id: f.id,
      position: f.position,
      status: f.status,
      version: f.version,
      old: { begin: f.begin!, end: f.end!, confidence: f.confidence },
      begin: times[i]![0],
      end: times[i]![1],
      confidence: 0.9,
      flag: null,
    })),
  };
  const job = await getDb().job.create({
    data: {
      type: 'realign-span',
      payload: JSON.stringify({ chapterId, fragmentId: frags[0]!.id }),
      status: 'succeeded',
      result: JSON.stringify(proposal),
    },
  });
  return job.id;
}

describe('anchors', () => {
  it('locks a linked boundary on both sides, and the boundary saves refuse to move it', async () => {
    const s = await seedReviewChapter({
      durationSec: 10,
      fragments: [
        { text: 'Uno.', begin: 0, end: 3 },
        { text: 'Dos.', begin: 3, end: 6 },
        { text: 'Tres.', begin: 6.5, end: 9 },
      ],
    });
    const [a, b, c] = s.fragments;
    const locked = await setAnchor({ fragmentId: b!.id, edge: 'begin', locked: true });
    expect(locked.map((f) => [f.id, f.lockedBegin, f.lockedEnd])).toEqual([
      [a!.id, false, true],
      [b!.id, true, false],
    ]);
    // versions do not move: a lock never conflicts with a pending save
    expect(locked.map((f) => f.version)).toEqual([1, 1]);
    const e = await catchAppErrorAsync(updateBoundary({ left: { fragmentId: a!.id, expectedVersion: 1 }, right: { fragmentId: b!.id, expectedVersion: 1 }, time: 3.2 }));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toMatch(/locked/);
    expect((await catchAppErrorAsync(updateFragment({ fragmentId: a!.id, expectedVersion: 1, changes: { end: 2.5 } }))).message).toMatch(/locked/);
    // the other edge still moves
    await expect(updateFragment({ fragmentId: b!.id, expectedVersion: 1, changes: { end: 5.5 } })).resolves.toMatchObject({ end: 5.5 });
    // a gap: only this side is locked
    const alone = await setAnchor({ fragmentId: c!.id, edge: 'begin', locked: true });
    expect(alone.map((f) => f.id)).toEqual([c!.id]);
    const unlocked = await setAnchor({ fragmentId: a!.id, edge: 'end', locked: false });
    expect(unlocked.map((f) => [f.lockedBegin, f.lockedEnd])).toEqual([
      [false, false],
      [false, false],
    ]);
    expect((await catchAppErrorAsync(setAnchor({ fragmentId: a!.id, edge: 'end', locked: true }, { chapterId: 'other' }))).code).toBe('NOT_FOUND');
  });
});

describe('acceptSpanRealign', () => {
  it('applies the proposal with revisions, then refuses it a second time (409)', async () => {
    const s = await seedReviewChapter({
      durationSec: 10,
      fragments: [
        { text: 'Uno.', begin: 0, end: 3 },
        { text: 'Dos.', begin: 3, end: 6 },
        { text: 'Tres.', begin: 6, end: 9 },
      ],
    });
    const jobId = await fakeProposal(s.chapterId, s.fragments, [[0, 2.5], [2.5, 6.5], [6.5, 9]]);
    const out = await acceptSpanRealign({ chapterId: s.chapterId, jobId });
    expect(out.fragments.map((f) => [f.begin, f.end, f.version, f.confidence])).toEqual([
      [0, 2.5, 2, 0.9],
      [2.5, 6.5, 2, 0.9],
      [6.5, 9, 2, 0.9],
    ]);
    const revs = await getDb().fragmentRevision.findMany({ where: { fragmentId: { in: s.fragments.map((f) => f.id) } } });
    expect(revs.map((r) => r.reason)).toEqual(['realign', 'realign', 'realign']);
    const e = await catchAppErrorAsync(acceptSpanRealign({ chapterId: s.chapterId, jobId }));
    expect(e.code).toBe('CONFLICT');
    expect(e.httpStatus).toBe(409);
    expect((await load(s.fragments.map((f) => f.id))).map((f) => f.version)).toEqual([2, 2, 2]);
    // another chapter's id: not found
    expect((await catchAppErrorAsync(acceptSpanRealign({ chapterId: 'nope', jobId }))).code).toBe('NOT_FOUND');
  });

  it('refuses when a paragraph changed since the proposal, writing nothing', async () => {
    const s = await seedReviewChapter({
      durationSec: 10,
      fragments: [
        { text: 'Uno.', begin: 0, end: 3 },
        { text: 'Dos.', begin: 3, end: 6 },
      ],
    });
    const jobId = await fakeProposal(s.chapterId, s.fragments, [[0, 2.5], [2.5, 6]]);
    await updateFragment({ fragmentId: s.fragments[1]!.id, expectedVersion: 1, changes: { text: 'Dos, otra vez.' } });
    const e = await catchAppErrorAsync(acceptSpanRealign({ chapterId: s.chapterId, jobId }));
    expect(e.code).toBe('CONFLICT');
    expect(e.message).toMatch(/Paragraph 2 changed/);
    expect((await load(s.fragments.map((f) => f.id))).map((f) => [f.begin, f.end])).toEqual([
      [0, 3],
      [3, 6],
    ]);
  });

  it('keeps approved paragraphs unless the reviewer includes them', async () => {
    const seed = () =>
      seedReviewChapter({
        durationSec: 10,
        fragments: [
          { text: 'Uno.', begin: 0, end: 3 },
          { text: 'Dos.', begin: 3, end: 6, status: 'approved' },
          { text: 'Tres.', begin: 6, end: 9 },
        ],
      });
    const times: Array<[number, number]> = [[0, 3.5], [3.5, 5.5], [5.5, 9]];
    const s = await seed();
    const kept = await acceptSpanRealign({ chapterId: s.chapterId, jobId: await fakeProposal(s.chapterId, s.fragments, times) });
    expect(kept.kept).toEqual([s.fragments[1]!.id]);
    expect((await load(s.fragments.map((f) => f.id))).map((f) => [f.begin, f.end, f.status])).toEqual([
      [0, 3, 'auto'],
      [3, 6, 'approved'],
      [6, 9, 'auto'],
    ]);
    const t = await seed();
    await acceptSpanRealign({ chapterId: t.chapterId, jobId: await fakeProposal(t.chapterId, t.fragments, times), includeReviewed: true });
    expect((await load(t.fragments.map((f) => f.id))).map((f) => [f.begin, f.end, f.status])).toEqual([
      [0, 3.5, 'auto'],
      [3.5, 5.5, 'approved'],
      [5.5, 9, 'auto'],
    ]);
  });
});

describe('realign-span job on a small espeak-ng chapter', () => {
  const paragraphs = SPANISH_PARAGRAPHS.slice(0, 5);
  let dir: string;
  let chapter: SyntheticChapter;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'alinea-realign-test-'));
    chapter = await buildSyntheticChapter({
      dir,
      paragraphs,
      voiceFor: () => ({ voice: 'es-419', wordsPerMinute: 150, pitch: 40 }),
      pauseSec: [0.5, 1.0],
      seed: 3,
    });
  }, 120_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('proposes times between the anchors only, keeping them exactly, and accepting writes them', async () => {
    const sp = chapter.speech;
    const mid = (i: number) => Math.round(((sp[i]!.end + sp[i + 1]!.begin) / 2) * 1000) / 1000;
    // anchors at the true pauses 0|1 and 3|4; the boundaries in between deliberately wrong (mid-speech)
    const wrong1 = (sp[1]!.begin + sp[1]!.end) / 2;
    const wrong2 = (sp[2]!.begin + sp[2]!.end) / 2;
    const s = await seedReviewChapter({
      durationSec: chapter.durationSec,
      fragments: [
        { text: paragraphs[0]!, begin: 0, end: mid(0) },
        { text: paragraphs[1]!, begin: mid(0), end: wrong1 },
        { text: paragraphs[2]!, begin: wrong1, end: wrong2 },
        { text: paragraphs[3]!, begin: wrong2, end: mid(3) },
        { text: paragraphs[4]!, begin: mid(3), end: chapter.durationSec },
      ],
    });
    const pcmKey = `test/${s.chapterId}.wav`;
    await mkdir(path.dirname(getStorage().localPath(pcmKey)), { recursive: true });
    await copyFile(chapter.wav, getStorage().localPath(pcmKey));
    const { audioFileId } = await getDb().chapter.findUniqueOrThrow({ where: { id: s.chapterId } });
    await getDb().audioFile.update({ where: { id: audioFileId }, data: { pcmKey } });
    const ids = s.fragments.map((f) => f.id);

    await setAnchor({ fragmentId: ids[1]!, edge: 'begin', locked: true });
    await setAnchor({ fragmentId: ids[3]!, edge: 'end', locked: true });
    const { jobId, range } = await queueSpanRealign({ chapterId: s.chapterId, fragmentId: ids[2]! });
    expect(range).toMatchObject({ first: 1, last: 3, begin: mid(0), end: mid(3) });
    expect((await getSpanRealign({ chapterId: s.chapterId, jobId })).proposal).toBeNull();

    const claimed = await claimJob('test-worker', { types: ['realign-span'] });
    expect(claimed?.id).toBe(jobId);
    expect(await runClaimedJob(claimed!, 'test-worker', jobRegistry)).toBe('succeeded');
    const state = await getSpanRealign({ chapterId: s.chapterId, jobId });
    const p = state.proposal!;
    expect(p.fragments.map((f) => f.id)).toEqual(ids.slice(1, 4));
    expect(p.fragments[0]!.begin).toBe(mid(0));
    expect(p.fragments[2]!.end).toBe(mid(3));
    // the proposed inner boundaries lie in the true pauses 1|2 and 2|3
    for (const [k, i] of [[0, 1], [1, 2]] as const) {
      const b = p.fragments[k]!.end;
      expect(b).toBe(p.fragments[k + 1]!.begin);
      expect(b).toBeGreaterThanOrEqual(sp[i]!.end - 0.05);
      expect(b).toBeLessThanOrEqual(sp[i + 1]!.begin + 0.05);
    }
    // nothing applied yet
    expect((await load(ids)).map((f) => f.end)).toEqual(s.fragments.map((f) => f.end));

    await acceptSpanRealign({ chapterId: s.chapterId, jobId });
    const after = await load(ids);
    expect(after[1]!.end).toBe(p.fragments[0]!.end);
    expect(after[2]!.end).toBe(p.fragments[1]!.end);
    // the anchors and the fragments outside did not move
    expect([after[0]!.end, after[1]!.begin, after[3]!.end, after[4]!.begin]).toEqual([mid(0), mid(0), mid(3), mid(3)]);
    expect([after[0]!.version, after[4]!.version]).toEqual([1, 1]);
  }, 120_000);
});
