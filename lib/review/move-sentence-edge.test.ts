import { describe, expect, it } from 'vitest';
import { fittedSentences, moveSentenceEdge } from './move-sentence-edge.ts';
import { parseSentenceRegionId, sentenceRegionId } from './sentence-region-id.ts';

const s = (...edges: Array<[number, number]>) => edges.map(([begin, end], k) => ({ text: `S${k}.`, begin, end }));
// paragraph a [0,6] with sentences [0,2][2,4][4,6]; b [6,9] with [6,7.5][7.5,9]; c [9.5,11] without stored sentences
const frags = [
  { id: 'a', begin: 0, end: 6, sentences: s([0, 2], [2, 4], [4, 6]) },
  { id: 'b', begin: 6, end: 9, sentences: s([6, 7.5], [7.5, 9]) },
  { id: 'c', begin: 9.5, end: 11, sentences: null },
];
const opts = { duration: 12 };
const times = (f: { sentences: { begin: number; end: number }[] | null }) => f.sentences?.map((x) => [x.begin, x.end]);

describe('moveSentenceEdge', () => {
  it('an inner edge moves the two sentences it separates, inside the paragraph; the paragraph stays', () => {
    const out = moveSentenceEdge(frags, 0, 0, 'end', 2.5, opts);
    expect(out.kind).toBe('sentence');
    expect(times(out.fragments[0]!)).toEqual([[0, 2.5], [2.5, 4], [4, 6]]);
    expect([out.fragments[0]!.begin, out.fragments[0]!.end]).toEqual([0, 6]);
    expect(out.fragments[1]).toBe(frags[1]);
    // the same boundary grabbed from the other side
    expect(times(moveSentenceEdge(frags, 0, 1, 'begin', 1.5, opts).fragments[0]!)).toEqual([[0, 1.5], [1.5, 4], [4, 6]]);
  });

  it('an inner edge is clamped between its neighbours (min length) and never leaves the paragraph', () => {
    expect(times(moveSentenceEdge(frags, 0, 0, 'end', 5.9, opts).fragments[0]!)).toEqual([[0, 3.95], [3.95, 4], [4, 6]]);
    expect(times(moveSentenceEdge(frags, 1, 0, 'end', 99, opts).fragments[1]!)).toEqual([[6, 8.95], [8.95, 9]]);
    expect(times(moveSentenceEdge(frags, 1, 1, 'begin', -3, opts).fragments[1]!)).toEqual([[6, 6.05], [6.05, 9]]);
  });

  it('snaps inner edges like paragraph edges', () => {
    expect(times(moveSentenceEdge(frags, 0, 1, 'end', 4.3, { ...opts, snapTo: [4.4], snapRadius: 0.15 }).fragments[0]!)).toEqual([[0, 2], [2, 4.4], [4.4, 6]]);
  });

  it('the first begin / last end is the paragraph edge: moves the paragraph, linked, and the sentences follow', () => {
    const out = moveSentenceEdge(frags, 0, 2, 'end', 6.8, opts);
    expect(out.kind).toBe('paragraph');
    expect([out.fragments[0]!.end, out.fragments[1]!.begin]).toEqual([6.8, 6.8]);
    expect(times(out.fragments[0]!)).toEqual([[0, 2], [2, 4], [4, 6.8]]);
    expect(times(out.fragments[1]!)).toEqual([[6.8, 7.5], [7.5, 9]]);
    // past an inner sentence edge of the neighbour: that sentence collapses, order kept
    expect(times(moveSentenceEdge(frags, 1, 0, 'begin', 8, opts).fragments[1]!)).toEqual([[8, 8], [8, 9]]);
    // unlinked: a gap opens, the neighbour stays
    const alone = moveSentenceEdge(frags, 1, 1, 'end', 8.5, { ...opts, linked: false });
    expect([alone.fragments[1]!.end, alone.fragments[2]]).toEqual([8.5, frags[2]]);
  });

  it('a paragraph without stored sentences is one sentence: its edges are the paragraph’s', () => {
    const out = moveSentenceEdge(frags, 2, 0, 'end', 11.5, opts);
    expect(out.kind).toBe('paragraph');
    expect([out.fragments[2]!.begin, out.fragments[2]!.end, out.fragments[2]!.sentences]).toEqual([9.5, 11.5, null]);
    expect(fittedSentences(out.fragments[2]!)).toEqual([{ begin: 9.5, end: 11.5 }]);
  });

  it('a move that changes nothing gives the same fragments', () => {
    const out = moveSentenceEdge(frags, 0, 0, 'end', 2, opts);
    out.fragments.forEach((f, i) => expect(f).toBe(frags[i]));
  });
});

describe('sentence region ids', () => {
  it('round-trip; a paragraph id is not one', () => {
    expect(sentenceRegionId('cm1abc', 2)).toBe('cm1abc:s2');
    expect(parseSentenceRegionId('cm1abc:s2')).toEqual({ fragmentId: 'cm1abc', sentence: 2 });
    expect(parseSentenceRegionId('cm1abc')).toBeNull();
  });
});
