// Undo at the sentence level, in the editor's own maths (moveRegionEdge → edgeMoveEntry → UndoStack →
// applyPatches): every step comes back exactly as it was, sentence times and the aligner's confidences included.
import { describe, expect, it } from 'vitest';
import { fragmentViewFixture } from '../testing/fragment-view-fixture.ts';
import type { FragmentView } from './fragment-view.ts';
import { fittedSentences } from './move-sentence-edge.ts';
import { moveRegionEdge } from './move-region-edge.ts';
import { sentenceRegionId } from './sentence-region-id.ts';
import { edgeMoveEntry } from './edge-move-entry.ts';
import { applyPatches } from './apply-patches.ts';
import { UndoStack } from './undo-stack.ts';

const sentences = (...spans: Array<[number, number, number?]>) =>
  spans.map(([begin, end, confidence], k) => ({ text: `S${k}.`, normText: `s${k}`, begin, end, ...(confidence !== undefined ? { confidence } : {}) }));
const frag = (id: string, position: number, begin: number, end: number, s: FragmentView['sentences']): FragmentView =>
  fragmentViewFixture({ id, position, begin, end, confidence: 0.7, sentences: s });
const opts = { duration: 20 };
const spans = (f: FragmentView) => fittedSentences(f).map((s) => [s.begin, s.end]);

function drag(stack: UndoStack, frags: FragmentView[], index: number, sentence: number, edge: 'begin' | 'end', time: number): FragmentView[] {
  const m = moveRegionEdge(frags, sentenceRegionId(frags[index]!.id, sentence), edge, time, opts)!;
  const entry = edgeMoveEntry(frags, m.fragments, m.kind);
  stack.push(entry.label, entry.patches);
  return m.fragments;
}

describe('undo at the sentence level', () => {
  const start = [
    frag('a', 0, 0, 6, sentences([0, 2, 0.9], [2, 4, 0.4], [4, 6, 0.8])),
    frag('b', 1, 6, 9, sentences([6, 7.5, 0.6], [7.5, 9, 0.5])),
  ];

  it('undoing a paragraph-edge drag restores the sentence edges it clamped exactly, not fitted to the newer span', () => {
    const stack = new UndoStack();
    let frags = drag(stack, start, 0, 1, 'end', 5); // inner edge 4 → 5
    expect(spans(frags[0]!)).toEqual([[0, 2], [2, 5], [5, 6]]);
    frags = drag(stack, frags, 0, 2, 'end', 4.5); // the paragraph's end (last sentence's end) 6 → 4.5: clamps 5
    expect(spans(frags[0]!)).toEqual([[0, 2], [2, 4.5], [4.5, 4.5]]);
    expect(frags[1]!.begin).toBe(4.5);

    frags = applyPatches(frags, stack.undo()!.patches);
    expect([frags[0]!.end, frags[1]!.begin]).toEqual([6, 6]);
    expect(spans(frags[0]!)).toEqual([[0, 2], [2, 5], [5, 6]]);
    expect(spans(frags[1]!)).toEqual([[6, 7.5], [7.5, 9]]);

    frags = applyPatches(frags, stack.undo()!.patches);
    expect(spans(frags[0]!)).toEqual([[0, 2], [2, 4], [4, 6]]);
    // and redo goes forward again, exactly
    frags = applyPatches(frags, stack.redo()!.patches);
    frags = applyPatches(frags, stack.redo()!.patches);
    expect(spans(frags[0]!)).toEqual([[0, 2], [2, 4.5], [4.5, 4.5]]);
  });

  it('undo brings back the confidence an edit cleared on the sentences it touched', () => {
    const stack = new UndoStack();
    let frags = drag(stack, start, 0, 1, 'end', 5);
    // as the server does: the two sentences the reviewer moved lose the aligner's confidence, the first keeps it
    expect(frags[0]!.sentences!.map((s) => s.confidence)).toEqual([0.9, undefined, undefined]);
    frags = drag(stack, frags, 0, 2, 'end', 4.5);
    expect(frags[1]!.sentences!.map((s) => s.confidence)).toEqual([undefined, 0.5]);

    frags = applyPatches(frags, stack.undo()!.patches);
    expect(frags[1]!.sentences!.map((s) => s.confidence)).toEqual([0.6, 0.5]);
    frags = applyPatches(frags, stack.undo()!.patches);
    expect(frags[0]!.sentences!.map((s) => s.confidence)).toEqual([0.9, 0.4, 0.8]);
  });

  it('a paragraph-level drag, then a sentence-edge drag: each undo restores its own step exactly', () => {
    const stack = new UndoStack();
    const record = (frags: FragmentView[], m: ReturnType<typeof moveRegionEdge>) => {
      const entry = edgeMoveEntry(frags, m!.fragments, m!.kind);
      stack.push(entry.label, entry.patches);
      return m!.fragments;
    };
    let frags = record(start, moveRegionEdge(start, 'a', 'end', 3.5, opts)); // the paragraph region's end 6 → 3.5
    expect(spans(frags[0]!)).toEqual([[0, 2], [2, 3.5], [3.5, 3.5]]);
    frags = record(frags, moveRegionEdge(frags, sentenceRegionId('a', 0), 'end', 1, opts));
    expect(spans(frags[0]!)).toEqual([[0, 1], [1, 3.5], [3.5, 3.5]]);

    frags = applyPatches(frags, stack.undo()!.patches);
    expect(spans(frags[0]!)).toEqual([[0, 2], [2, 3.5], [3.5, 3.5]]);
    frags = applyPatches(frags, stack.undo()!.patches);
    expect(spans(frags[0]!)).toEqual([[0, 2], [2, 4], [4, 6]]);
    expect(frags[0]!.sentences!.map((s) => s.confidence)).toEqual([0.9, 0.4, 0.8]);
    expect(frags).toEqual(start);
  });
});
