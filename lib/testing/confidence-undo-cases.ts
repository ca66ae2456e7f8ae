// Test cases shared by confidence-undo.test.ts (SQLite) and confidence-undo.postgres.test.ts: an undo brings the
// aligner's sentence confidences back from the paragraph's revisions, also when the sentences' texts hold what a
// LIKE pattern or a JSON string escapes (% _ \ " and non-ASCII) and are longer than the part a pattern compares.
import { describe, expect, it } from 'vitest';
import { getDb } from '../db/client.ts';
import { seedReviewChapter } from './seed-review-chapter.ts';
import { parseFragmentSentences } from '../chapter-alignment/fragment-sentences.ts';
import { updateFragment } from '../review/update-fragment.ts';
import { updateBoundary } from '../review/update-boundary.ts';

const FIRST = 'Cien % seguro_ya, «dijo» "ella" en C:\\ruta\\nueva.';
const SECOND = `Y luego, 50 % más_largo \\ ${'una frase muy larga que sigue y sigue, '.repeat(5)}hasta el "final".`;

export function describeConfidenceUndo() {
  const seed = async () =>
    (
      await seedReviewChapter({
        durationSec: 20,
        fragments: [
          { text: `${FIRST} ${SECOND}`, begin: 0, end: 10, confidence: 0.5, sentences: [{ begin: 0, end: 4, confidence: 0.7 }, { begin: 4, end: 10, confidence: 0.6 }] },
          { text: SECOND, begin: 10, end: 20, confidence: 0.5, sentences: [{ begin: 10, end: 20, confidence: 0.3 }] },
        ],
      })
    ).fragments.map((f) => f.id);
  const load = (id: string) => getDb().fragment.findUniqueOrThrow({ where: { id } });
  const confidences = async (id: string) => parseFragmentSentences((await load(id)).sentences)!.map((s) => s.confidence);

  describe('undo brings sentence confidences back (texts with % _ \\ " and long ones)', () => {
    it('an inner sentence edge moved and moved back', async () => {
      const [id] = await seed();
      const move = async (edge: number) =>
        updateFragment({ fragmentId: id!, expectedVersion: (await load(id!)).version, changes: { sentences: [{ begin: 0, end: edge }, { begin: edge, end: 10 }] } });
      await move(5);
      expect(await confidences(id!)).toEqual([undefined, undefined]);
      await move(6);
      await move(4);
      expect(await confidences(id!)).toEqual([0.7, 0.6]);
    });

    it('a boundary drag undone', async () => {
      const [a, b] = await seed();
      const drag = async (time: number) =>
        updateBoundary({ left: { fragmentId: a!, expectedVersion: (await load(a!)).version }, right: { fragmentId: b!, expectedVersion: (await load(b!)).version }, time });
      await drag(12.5);
      expect([await confidences(a!), await confidences(b!)]).toEqual([[0.7, undefined], [undefined]]);
      await drag(11);
      await drag(10);
      expect([await confidences(a!), await confidences(b!)]).toEqual([[0.7, 0.6], [0.3]]);
    });
  });
}
