// Sentences live and die with their paragraph, against a real SQLite file: moving an inner sentence boundary is
// an edit of the paragraph (version, revision, status), paragraph moves carry the sentences along (the
// consistency rule), revert restores them, split and merge keep them, sync maps read and write them.
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestEnv } from '../testing/use-test-env.ts';
import { getDb } from '../db/client.ts';
import { catchAppErrorAsync } from '../testing/catch-app-error.ts';
import { parseFragmentSentences } from '../chapter-alignment/fragment-sentences.ts';
import { exportChapterSyncMap } from '../chapter-alignment/export-chapter-syncmap.ts';
import { importChapterSyncMap } from '../chapter-alignment/import-chapter-syncmap.ts';
import { seedReviewChapter } from '../testing/seed-review-chapter.ts';
import { updateFragment } from './update-fragment.ts';
import { updateBoundary } from './update-boundary.ts';
import { revertFragment } from './revert-fragment.ts';
import { listFragmentRevisions } from './list-fragment-revisions.ts';
import { splitFragmentAt } from './split-fragment-at.ts';
import { mergeFragments } from './merge-fragments.ts';
import { acceptSpanRealign } from './accept-span-realign.ts';
import type { RealignProposal } from './realign-proposal.ts';

useTestEnv();

async function rejection(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a rejection');
}

const load = (id: string) => getDb().fragment.findUniqueOrThrow({ where: { id } });
const sentenceTimes = async (id: string) => parseFragmentSentences((await load(id)).sentences)!.map((s) => [s.begin, s.end]);

async function seed() {
  return seedReviewChapter({
    durationSec: 30,
    fragments: [
      { text: 'Era de noche. Llovía sin parar. Nadie salió.', begin: 1, end: 10, sentences: [{ begin: 1, end: 3, confidence: 0.9 }, { begin: 3, end: 7, confidence: 0.4 }, { begin: 7, end: 10, confidence: 0.8 }] },
      { text: 'Al alba salió el sol. Todo brillaba.', begin: 10, end: 16, sentences: [{ begin: 10, end: 13 }, { begin: 13, end: 16 }] },
      { text: 'Fin.', begin: 16, end: 18, sentences: [{ begin: 16, end: 18 }] },
    ],
  });
}

describe('sentence boundaries', () => {
  let ids: string[];
  let userId: string;
  beforeAll(async () => {
    ids = (await seed()).fragments.map((f) => f.id);
    userId = (await getDb().user.create({ data: { email: 'sentences@example.org' } })).id;
  });

  it('moving an inner sentence boundary is a versioned edit of the paragraph with a revision', async () => {
    const before = await load(ids[0]!);
    expect(parseFragmentSentences(before.sentences)!.map((s) => s.normText)).toEqual(['era de noche', 'llovía sin parar', 'nadie salió']);
    const out = await updateFragment({
      fragmentId: ids[0]!,
      expectedVersion: before.version,
      userId,
      changes: { sentences: [{ begin: 1, end: 3.4 }, { begin: 3.4, end: 7 }, { begin: 7, end: 10 }] },
    });
    expect(out).toMatchObject({ version: before.version + 1, status: 'edited', begin: 1, end: 10 });
    expect(out.sentences!.map((s) => [s.begin, s.end])).toEqual([[1, 3.4], [3.4, 7], [7, 10]]);
    expect(await sentenceTimes(ids[0]!)).toEqual([[1, 3.4], [3.4, 7], [7, 10]]);
    // the two sentences the reviewer moved lose the aligner's confidence (a human decided), the third keeps it;
    // the paragraph keeps its own
    expect(parseFragmentSentences(before.sentences)!.map((s) => s.confidence)).toEqual([0.9, 0.4, 0.8]);
    expect(parseFragmentSentences((await load(ids[0]!)).sentences)!.map((s) => s.confidence)).toEqual([undefined, undefined, 0.8]);
    expect(out.confidence).toBe(before.confidence);
    const [rev] = await listFragmentRevisions(ids[0]!);
    expect(rev).toMatchObject({ reason: 'sentence boundary', version: before.version + 1 });
    expect(rev!.before!.sentences!.map((s) => s.end)).toEqual([3, 7, 10]);
    expect(rev!.after.sentences!.map((s) => s.end)).toEqual([3.4, 7, 10]);
    // a stale version is a conflict, as for any edit
    const stale = await catchAppErrorAsync(
      updateFragment({ fragmentId: ids[0]!, expectedVersion: before.version, changes: { sentences: [{ begin: 1, end: 2 }, { begin: 2, end: 7 }, { begin: 7, end: 10 }] } }),
    );
    expect(stale.code).toBe('CONFLICT');
  });

  it('refuses another sentence count, inner edges outside the paragraph or out of order; the outer edges are the paragraph’s', async () => {
    const f = await load(ids[0]!);
    const bad = [
      [{ begin: 1, end: 5 }, { begin: 5, end: 10 }],
      [{ begin: 1, end: 3 }, { begin: 3, end: 11 }, { begin: 11, end: 12 }],
      [{ begin: 1, end: 6 }, { begin: 5, end: 7 }, { begin: 7, end: 10 }],
    ];
    for (const sentences of bad) {
      const e = await catchAppErrorAsync(updateFragment({ fragmentId: ids[0]!, expectedVersion: f.version, changes: { sentences } }));
      expect(e.code).toBe('INVALID_INPUT');
    }
    const text = await rejection(updateFragment({ fragmentId: ids[0]!, expectedVersion: f.version, changes: { text: 'Otra.', sentences: [{ begin: 1, end: 10 }] } }));
    expect(text).toBeInstanceOf(Error);
    expect((await load(ids[0]!)).version).toBe(f.version);
    // outer edges given wrong are the paragraph's; the same times again write nothing
    const same = await updateFragment({
      fragmentId: ids[0]!,
      expectedVersion: f.version,
      changes: { sentences: [{ begin: 0, end: 3.4 }, { begin: 3.4, end: 7 }, { begin: 7, end: 99 }] },
    });
    expect(same.version).toBe(f.version);
  });

  it('a linked paragraph boundary drag carries the first / last sentence edge; inner edges are clamped inside', async () => {
    const [l, r] = [await load(ids[0]!), await load(ids[1]!)];
    await updateBoundary({ left: { fragmentId: l.id, expectedVersion: l.version }, right: { fragmentId: r.id, expectedVersion: r.version }, time: 12 });
    expect(await sentenceTimes(ids[0]!)).toEqual([[1, 3.4], [3.4, 7], [7, 12]]);
    expect(await sentenceTimes(ids[1]!)).toEqual([[12, 13], [13, 16]]);
    const r2 = await load(ids[1]!);
    await updateFragment({ fragmentId: r2.id, expectedVersion: r2.version, changes: { end: 12.5 } });
    expect(await sentenceTimes(ids[1]!)).toEqual([[12, 12.5], [12.5, 12.5]]);
  });

  it('revert restores the sentences with the paragraph', async () => {
    const revisions = await listFragmentRevisions(ids[1]!);
    const shrink = revisions[0]!; // the end moved to 12.5, collapsing the second sentence
    const now = await load(ids[1]!);
    const { fragment: out } = await revertFragment({ fragmentId: ids[1]!, revisionId: shrink.id, side: 'before', expectedVersion: now.version });
    expect([out.begin, out.end]).toEqual([12, 16]);
    expect(out.sentences!.map((s) => [s.begin, s.end])).toEqual([[12, 13], [13, 16]]);
    expect(await sentenceTimes(ids[1]!)).toEqual([[12, 13], [13, 16]]);
  });
});

describe('split, merge and text edits keep sentence boundaries', () => {
  it('splits between sentences and merges back', async () => {
    const { fragments } = await seed();
    const [a] = fragments;
    const caret = a!.text.indexOf('Nadie');
    const { first, second } = await splitFragmentAt({ fragmentId: a!.id, expectedVersion: a!.version, atTime: 6.5, textCaret: caret });
    expect(first.sentences!.map((s) => [s.text, s.begin, s.end])).toEqual([['Era de noche.', 1, 3], ['Llovía sin parar.', 3, 6.5]]);
    expect(second.sentences!.map((s) => [s.text, s.begin, s.end])).toEqual([['Nadie salió.', 6.5, 10]]);
    const { fragment: merged } = await mergeFragments({ fragmentId: first.id, expectedVersion: first.version, nextFragmentId: second.id, nextExpectedVersion: second.version });
    expect(merged.sentences!.map((s) => [s.begin, s.end])).toEqual([[1, 3], [3, 6.5], [6.5, 10]]);
  });

  it('a text edit keeps the times of the sentences it did not touch', async () => {
    const { fragments } = await seed();
    const f = fragments[0]!;
    const out = await updateFragment({ fragmentId: f.id, expectedVersion: f.version, changes: { text: 'Era de noche. Llovía y llovía sin parar. Nadie salió.' } });
    expect(out.sentences!.map((s) => [s.text, s.begin, s.end])).toEqual([
      ['Era de noche.', 1, 3],
      ['Llovía y llovía sin parar.', 3, 7],
      ['Nadie salió.', 7, 10],
    ]);
  });
});

describe('chapter sync maps with sentences', () => {
  it('exports sentences as aeneas children and imports children back when the counts match', async () => {
    const { chapterId, fragments } = await seed();
    const json = JSON.parse((await exportChapterSyncMap(chapterId, 'json')).body);
    expect(json.fragments[0].children.map((c: { id: string; begin: string; end: string; lines: string[] }) => [c.id, c.begin, c.end, c.lines])).toEqual([
      ['f000001s000001', '1.000', '3.000', ['Era de noche.']],
      ['f000001s000002', '3.000', '7.000', ['Llovía sin parar.']],
      ['f000001s000003', '7.000', '10.000', ['Nadie salió.']],
    ]);
    expect(json.fragments[2].children).toHaveLength(1);
    // shift every time by 0.5 s; the second paragraph's children are dropped (then its sentences just follow)
    for (const f of json.fragments) {
      f.begin = (Number(f.begin) + 0.5).toFixed(3);
      f.end = (Number(f.end) + 0.5).toFixed(3);
      for (const c of f.children) {
        c.begin = (Number(c.begin) + 0.5).toFixed(3);
        c.end = (Number(c.end) + 0.5).toFixed(3);
      }
    }
    json.fragments[0].children[0].end = json.fragments[0].children[1].begin = '2.000';
    json.fragments[1].children = [json.fragments[1].children[0]];
    await importChapterSyncMap(chapterId, 'fixed.json', JSON.stringify(json));
    expect(await sentenceTimes(fragments[0]!.id)).toEqual([[1.5, 2], [2, 7.5], [7.5, 10.5]]);
    expect(await sentenceTimes(fragments[1]!.id)).toEqual([[10.5, 13], [13, 16.5]]);
    const rev = await getDb().fragmentRevision.findFirstOrThrow({ where: { fragmentId: fragments[0]!.id, reason: 'import json' } });
    expect(JSON.parse(rev.after).sentences.map((s: { end: number }) => s.end)).toEqual([2, 7.5, 10.5]);
  });
});

describe('accepting a span re-alignment', () => {
  it('stores the proposed sentence times with the paragraph times', async () => {
    const { chapterId, fragments } = await seed();
    const [a, b] = fragments;
    const proposal: RealignProposal = {
      kind: 'realign-proposal',
      chapterId,
      span: { begin: 1, end: 16 },
      anchoredBegin: true,
      anchoredEnd: true,
      createdAt: new Date().toISOString(),
      fragments: [
        { id: a!.id, position: 0, status: 'auto', version: a!.version, old: { begin: 1, end: 10, confidence: null }, begin: 1, end: 9.5, confidence: 0.9, flag: null, sentences: [{ begin: 1, end: 2.5, confidence: 0.95 }, { begin: 2.5, end: 6, confidence: 0.3 }, { begin: 6, end: 9.5, confidence: 0.85 }] },
        { id: b!.id, position: 1, status: 'auto', version: b!.version, old: { begin: 10, end: 16, confidence: null }, begin: 9.5, end: 16, confidence: 0.8, flag: null, sentences: [{ begin: 9.5, end: 12 }, { begin: 12, end: 16 }] },
      ],
    };
    const job = await getDb().job.create({
      data: { type: 'realign-span', payload: JSON.stringify({ chapterId, fragmentId: a!.id }), status: 'succeeded', result: JSON.stringify(proposal) },
    });
    await acceptSpanRealign({ chapterId, jobId: job.id });
    expect(await sentenceTimes(a!.id)).toEqual([[1, 2.5], [2.5, 6], [6, 9.5]]);
    expect(await sentenceTimes(b!.id)).toEqual([[9.5, 12], [12, 16]]);
    // the aligner's sentence confidences come with its times
    expect(parseFragmentSentences((await load(a!.id)).sentences)!.map((s) => s.confidence)).toEqual([0.95, 0.3, 0.85]);
  });
});

describe('undoing sentence edits', () => {
  it('moving sentence edges back where the aligner put them brings back its confidence; a new place does not', async () => {
    const id = (await seed()).fragments[0]!.id;
    const confidences = async () => parseFragmentSentences((await load(id)).sentences)!.map((s) => s.confidence);
    const move = async (sentences: Array<{ begin: number; end: number }>) =>
      updateFragment({ fragmentId: id, expectedVersion: (await load(id)).version, changes: { sentences } });
    await move([{ begin: 1, end: 3.4 }, { begin: 3.4, end: 7 }, { begin: 7, end: 10 }]);
    await move([{ begin: 1, end: 3.4 }, { begin: 3.4, end: 8 }, { begin: 8, end: 10 }]);
    expect(await confidences()).toEqual([undefined, undefined, undefined]);
    // the editor's undo, twice: each step saves the sentence times as they were
    await move([{ begin: 1, end: 3.4 }, { begin: 3.4, end: 7 }, { begin: 7, end: 10 }]);
    expect(await confidences()).toEqual([undefined, undefined, 0.8]);
    const out = await move([{ begin: 1, end: 3 }, { begin: 3, end: 7 }, { begin: 7, end: 10 }]);
    expect(out.sentences!.map((s) => s.confidence)).toEqual([0.9, 0.4, 0.8]);
    expect(await confidences()).toEqual([0.9, 0.4, 0.8]);
    // the same paragraph boundary drag undone: the clamped last sentence gets its confidence back too
    const v = (await load(id)).version;
    await updateFragment({ fragmentId: id, expectedVersion: v, changes: { end: 8 } });
    expect(await sentenceTimes(id)).toEqual([[1, 3], [3, 7], [7, 8]]);
    await updateFragment({ fragmentId: id, expectedVersion: v + 1, changes: { end: 10 } });
    expect(await confidences()).toEqual([0.9, 0.4, 0.8]);
    // a sentence edge moved somewhere new has no confidence to get back
    await move([{ begin: 1, end: 3.2 }, { begin: 3.2, end: 7 }, { begin: 7, end: 10 }]);
    expect(await confidences()).toEqual([undefined, undefined, 0.8]);
  });
});
