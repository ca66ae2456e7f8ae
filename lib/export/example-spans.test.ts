import { describe, expect, it } from 'vitest';
import { exampleSpans, type TimedFragment } from './example-spans.ts';

const sentences = (...xs: Array<[string, number, number]>) =>
  JSON.stringify(xs.map(([text, begin, end]) => ({ text, normText: text.toLowerCase().replace(/[.,]/g, ''), begin, end })));

const chapter: TimedFragment[] = [
  { id: 'a', position: 0, begin: 0.5, end: 45.5, text: 'Uno.\nDos. Tres.', normText: 'uno dos tres', sentences: sentences(['Uno.', 0.5, 12], ['Dos.', 12, 30], ['Tres.', 30, 45.5]) },
  { id: 'b', position: 2, begin: 46, end: 50, text: 'Cuatro.', normText: 'cuatro', sentences: null },
];

describe('exampleSpans', () => {
  it('unit paragraph: one span per paragraph, limits at the neighbouring paragraphs', () => {
    expect(exampleSpans(chapter, 'paragraph')).toEqual([
      { id: 'a', fragmentIndex: 0, fragmentId: 'a', utterance: 0, begin: 0.5, end: 45.5, text: 'uno dos tres', textOriginal: 'Uno. Dos. Tres.', limits: { end: 46 } },
      { id: 'b', fragmentIndex: 1, fragmentId: 'b', utterance: 2, begin: 46, end: 50, text: 'cuatro', textOriginal: 'Cuatro.', limits: { begin: 45.5 } },
    ]);
  });

  it('unit sentence: one span per sentence with its own id, times, texts; a paragraph without stored sentences is one', () => {
    const spans = exampleSpans(chapter, 'sentence');
    expect(spans.map((s) => [s.id, s.fragmentId, s.utterance, s.begin, s.end, s.text, s.textOriginal])).toEqual([
      ['a.s1', 'a', 0, 0.5, 12, 'uno', 'Uno.'],
      ['a.s2', 'a', 1, 12, 30, 'dos', 'Dos.'],
      ['a.s3', 'a', 2, 30, 45.5, 'tres', 'Tres.'],
      ['b.s1', 'b', 3, 46, 50, 'cuatro', 'Cuatro.'],
    ]);
    // padding stops at the neighbouring sentence, inside a paragraph and across paragraphs
    expect(spans.map((s) => s.limits)).toEqual([{ end: 12 }, { begin: 12, end: 30 }, { begin: 30, end: 46 }, { begin: 45.5 }]);
    // a 45 s paragraph is three utterances of 11.5–18 s
    expect(spans.slice(0, 3).every((s) => s.end - s.begin >= 1 && s.end - s.begin <= 20)).toBe(true);
  });

  it('unit sentence: a span carries its sentence\'s confidence when stored (the paragraph\'s applies otherwise)', () => {
    const stored = JSON.stringify([
      { text: 'Uno.', normText: 'uno', begin: 0, end: 2, confidence: 0.3 },
      { text: 'Dos.', normText: 'dos', begin: 2, end: 4 },
    ]);
    const spans = exampleSpans([{ id: 'c', position: 0, begin: 0, end: 4, text: 'Uno. Dos.', normText: 'uno dos', sentences: stored }], 'sentence');
    expect(spans.map((s) => s.confidence)).toEqual([0.3, undefined]);
    expect(exampleSpans([{ id: 'c', position: 0, begin: 0, end: 4, text: 'Uno. Dos.', normText: 'uno dos', sentences: stored }], 'paragraph')[0]!.confidence).toBeUndefined();
  });
});
