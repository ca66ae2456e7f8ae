// What a save costs the database (SQLite, counted at the driver): a bounded number of statements, and the
// paragraph's history is not read back row by row — only revisions that can give a moved sentence its aligner's
// confidence back come out of the database. The confidences an undo brings back are the ones reading the whole
// window (the latest CONFIDENCE_HISTORY revisions) gives, and a state older than that window brings none back.
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestEnv } from '../testing/use-test-env.ts';
import { getDb } from '../db/client.ts';
import { seedReviewChapter } from '../testing/seed-review-chapter.ts';
import { parseFragmentSentences, type FragmentSentence } from '../chapter-alignment/fragment-sentences.ts';
import { updateBoundary } from './update-boundary.ts';
import { updateFragment } from './update-fragment.ts';
import { CONFIDENCE_HISTORY } from './save-fragment-change.ts';
import { parseRevisionSnapshot } from './revision-snapshot.ts';
import { restoreSentenceConfidence } from './restore-sentence-confidence.ts';

useTestEnv();

// ------------------------------------------------------------ statements and FragmentRevision rows, at the driver
type Statement = { source: string; all: (...a: unknown[]) => unknown[] };
const require = createRequire(import.meta.url);
const Database = require('better-sqlite3') as { prototype: { prepare: (...a: unknown[]) => Statement } };
const counts = { statements: 0, revisionRows: 0 };
const prepare = Database.prototype.prepare;
let all: ((...a: unknown[]) => unknown[]) | undefined;
beforeAll(() => {
  Database.prototype.prepare = function (this: unknown, ...a: unknown[]) {
    counts.statements++;
    const stmt = prepare.apply(this, a);
    const proto = Object.getPrototypeOf(stmt) as Statement;
    if (!all) {
      all = proto.all;
      proto.all = function (this: Statement, ...b: unknown[]) {
        const rows = all!.apply(this, b);
        if (/^\s*SELECT[\s\S]*FROM\s+[`"]?(main[`"]?\.[`"]?)?FragmentRevision/i.test(this.source)) counts.revisionRows += rows.length;
        return rows;
      };
    }
    return stmt;
  };
});
afterAll(() => {
  Database.prototype.prepare = prepare;
});
async function cost<T>(fn: () => Promise<T>): Promise<{ out: T; statements: number; revisionRows: number }> {
  counts.statements = 0;
  counts.revisionRows = 0;
  const out = await fn();
  return { out, statements: counts.statements, revisionRows: counts.revisionRows };
}

const PARAGRAPH = 6;
let ids: string[] = [];
const versions = new Map<string, number>();
async function drag(left: string, right: string, time: number) {
  const out = await updateBoundary({
    left: { fragmentId: left, expectedVersion: versions.get(left)! },
    right: { fragmentId: right, expectedVersion: versions.get(right)! },
    time,
  });
  versions.set(left, out.left.version);
  versions.set(right, out.right.version);
  return out;
}
const sentencesOf = async (id: string) => parseFragmentSentences((await getDb().fragment.findUniqueOrThrow({ where: { id } })).sentences)!;

/** What the sentences get reading every revision of the window, as saves did before (the reference); `skip`: the
 * newest ones, written after the save in question. */
async function reference(id: string, sentences: FragmentSentence[], skip = 0) {
  const revisions = await getDb().fragmentRevision.findMany({ where: { fragmentId: id }, orderBy: { version: 'desc' }, skip, take: CONFIDENCE_HISTORY });
  const earlier = revisions.flatMap((r) => [parseRevisionSnapshot(r.after)?.sentences, parseRevisionSnapshot(r.before)?.sentences]);
  return restoreSentenceConfidence(sentences, earlier.filter((l): l is FragmentSentence[] => !!l));
}
/** The sentences as the save had them before restoring: the one it moved without a confidence. */
const touched = (sentences: FragmentSentence[], k: number) => sentences.map(({ confidence, ...s }, i) => (i === k ? s : { ...s, confidence }));

beforeAll(async () => {
  const seeded = await seedReviewChapter({
    durationSec: 4 * PARAGRAPH,
    fragments: Array.from({ length: 4 }, (_, i) => ({
      text: `Primera frase ${i}. Segunda frase ${i}.`,
      begin: i * PARAGRAPH,
      end: (i + 1) * PARAGRAPH,
      confidence: 0.5,
      sentences: [
        { begin: i * PARAGRAPH, end: i * PARAGRAPH + 2.5, confidence: 0.91 },
        { begin: i * PARAGRAPH + 2.5, end: (i + 1) * PARAGRAPH, confidence: [0.42, 0.43, 0.44, 0.45][i] },
      ],
    })),
  });
  ids = seeded.fragments.map((f) => f.id);
  for (const id of ids) versions.set(id, 1);
});

describe('what a save reads', () => {
  it('a boundary drag to a new time: seven statements, no revision rows read, however long the history', async () => {
    const [a, b] = [ids[0]!, ids[1]!];
    // back and forth inside both paragraphs' inner sentence edges (2.5 s and 8.5 s): those stay where they are
    for (let k = 1; k <= 30; k++) await drag(a, b, PARAGRAPH + (k % 2 ? 0.05 : -0.05) * k);
    expect(await getDb().fragmentRevision.count({ where: { fragmentId: a } })).toBe(30);
    const { out, statements, revisionRows } = await cost(() => drag(a, b, PARAGRAPH + 1.123));
    // BEGIN, the two paragraphs (with the audio’s duration as a condition), both paragraphs’ matching revisions, an update each, both revisions, COMMIT
    expect(statements).toBeLessThanOrEqual(7);
    expect(revisionRows).toBe(0);
    expect(out.left.sentences!.map((s) => s.confidence)).toEqual([0.91, undefined]);
    expect(out.right.sentences!.map((s) => s.confidence)).toEqual([undefined, 0.43]);
  });

  it('dragging it back where the aligner had it (undo) brings both confidences back: the same result as reading the whole window', async () => {
    const [a, b] = [ids[0]!, ids[1]!];
    const moved = [await sentencesOf(a), await sentencesOf(b)];
    const { out, revisionRows } = await cost(() => drag(a, b, PARAGRAPH));
    expect(revisionRows).toBeGreaterThan(0);
    expect(revisionRows).toBeLessThan(10);
    expect(out.left.sentences!.map((s) => s.confidence)).toEqual([0.91, 0.42]);
    expect(out.right.sentences!.map((s) => s.confidence)).toEqual([0.91, 0.43]);
    // the reference: the whole window as it was before this save (its own revision is the newest one now)
    expect(await reference(a, touched(out.left.sentences!, 1), 1)).toEqual(out.left.sentences);
    expect(await reference(b, touched(out.right.sentences!, 0), 1)).toEqual(out.right.sentences);
    expect(moved[0]!.map((s) => s.confidence)).toEqual([0.91, undefined]);
  });

  it('a state older than the window brings no confidence back, as before', async () => {
    const [c, d] = [ids[2]!, ids[3]!];
    const home = 3 * PARAGRAPH;
    await drag(c, d, home + 0.5); // the aligned state is now in this revision's before only
    for (let k = 0; k < CONFIDENCE_HISTORY; k++) await drag(c, d, home + 0.6 + k / 100);
    const { out } = await cost(() => drag(c, d, home));
    expect(out.left.sentences!.map((s) => s.confidence)).toEqual([0.91, undefined]);
    expect(await reference(c, touched(out.left.sentences!, 1), 1)).toEqual(out.left.sentences);
  });

  it('a status: five statements; a text: seven (its book’s language once), no revision rows read', async () => {
    const id = ids[1]!;
    const approve = await cost(() => updateFragment({ fragmentId: id, expectedVersion: versions.get(id)!, changes: { status: 'approved' } }));
    expect(approve.statements).toBeLessThanOrEqual(5);
    expect(approve.out.status).toBe('approved');
    versions.set(id, approve.out.version);
    const text = await cost(() => updateFragment({ fragmentId: id, expectedVersion: versions.get(id)!, changes: { text: 'Primera frase 1. Segunda frase, otra.' } }));
    expect(text.statements).toBeLessThanOrEqual(7);
    expect(text.revisionRows).toBe(0);
    expect(text.out).toMatchObject({ status: 'edited', text: 'Primera frase 1. Segunda frase, otra.' });
    expect(text.out.sentences!.map((s) => s.confidence)).toEqual([0.91, undefined]);
    versions.set(id, text.out.version);
  });
});
