import { describe, expect, it } from 'vitest';
import { fragmentViewFixture } from '../testing/fragment-view-fixture.ts';
import type { FragmentView } from './fragment-view.ts';
import { paragraphRegions, regionSpans, sentenceRegions } from './wave-regions.ts';

const sentences = (...spans: Array<[number, number]>) => spans.map(([begin, end], k) => ({ text: `S${k}.`, normText: `s${k}`, begin, end }));
const frag = (id: string, position: number, begin: number, end: number, s: FragmentView['sentences'], over: Partial<FragmentView> = {}): FragmentView =>
  fragmentViewFixture({ id, position, begin, end, sentences: s, ...over });

describe('wave regions', () => {
  const frags = [
    frag('a', 0, 0, 6, sentences([0, 2], [2, 4], [4, 6]), { lockedBegin: true }),
    frag('b', 1, 6, 9, null, { status: 'approved', confidence: 0.2 }),
    frag('c', 2, 9, 10, null, { begin: null, end: null }),
  ];

  it('one region per timed paragraph, selected, locked and low-confidence as the fragment says', () => {
    const r = paragraphRegions(frags, 'b');
    expect(r.map((x) => [x.id, x.start, x.end, x.selected, x.lowConfidence, x.lockedBegin])).toEqual([
      ['a', 0, 6, false, false, true],
      ['b', 6, 9, true, true, false],
    ]);
    expect(r[1]!.label).toBe('Paragraph 2');
    expect(paragraphRegions([frag('z', 6, 0, 1, null, { text: 'Érase una vez' })], null)[0]!.caption).toEqual({ num: '7', text: 'Érase una vez' });
  });

  it('one region per sentence: outer edges are the paragraph’s (anchors stay locked), inner edges are sentence boundaries', () => {
    const r = sentenceRegions(frags, { id: 'a', sentence: 1 });
    expect(r.map((x) => [x.id, x.start, x.end])).toEqual([['a:s0', 0, 2], ['a:s1', 2, 4], ['a:s2', 4, 6], ['b:s0', 6, 9]]);
    expect(r.map((x) => x.selected)).toEqual([false, true, false, false]);
    expect(r.map((x) => [x.lockedBegin, x.innerBegin, x.innerEnd])).toEqual([[true, false, true], [false, true, true], [false, true, false], [false, false, false]]);
    expect(r[1]!.label).toBe('Paragraph 1, sentence 2 of 3');
    expect(r.map((x) => x.caption)).toEqual([
      { num: '1.1', text: 'S0.' },
      { num: '1.2', text: 'S1.' },
      { num: '1.3', text: 'S2.' },
      { num: '2.1', text: 'x' },
    ]);
  });

  describe('a zero-length sentence (a paragraph edge dragged over it) is drawn with a minimum width, so it keeps its handles', () => {
    const collapsed = [frag('a', 0, 0, 4.5, sentences([0, 2], [2, 4.5], [4.5, 4.5])), frag('b', 1, 4.5, 9, sentences([4.5, 4.5], [4.5, 6], [6, 6], [6, 9]))];
    const min = 0.1;
    const spans = regionSpans(collapsed, 'sentence', min).map((x) => [x.id, x.start, x.end]);

    it('inside its paragraph: at the paragraph’s end it widens back, at its begin forward, elsewhere around its time', () => {
      expect(spans).toEqual([
        ['a:s0', 0, 2],
        ['a:s1', 2, 4.5],
        ['a:s2', 4.4, 4.5],
        ['b:s0', 4.5, 4.6],
        ['b:s1', 4.5, 6],
        ['b:s2', 5.95, 6.05],
        ['b:s3', 6, 9],
      ]);
    });

    it('sentences with a length, and every paragraph region, are drawn as they are', () => {
      expect(regionSpans(collapsed, 'paragraph', min).map((x) => [x.start, x.end])).toEqual([[0, 4.5], [4.5, 9]]);
      expect(sentenceRegions(frags, { id: null, sentence: null }, min).map((x) => [x.start, x.end])).toEqual([[0, 2], [2, 4], [4, 6], [6, 9]]);
    });

    it('several collapsed at one time: side by side, in order, each with handles of its own', () => {
      const run = [frag('r', 0, 0, 4, sentences([0, 3.5], [3.5, 4], [4, 4], [4, 4]))];
      expect(regionSpans(run, 'sentence', min).map((x) => [x.start, x.end])).toEqual([[0, 3.5], [3.5, 4], [3.8, 3.9], [3.9, 4]]);
    });

    it('a paragraph narrower than the width: the sentence is centred on it', () => {
      const tiny = [frag('t', 0, 3, 3.04, sentences([3, 3.04], [3.04, 3.04]))];
      expect(regionSpans(tiny, 'sentence', min).map((x) => [x.start, x.end])).toEqual([[3, 3.04], [2.97, 3.07]]);
    });
  });
});
