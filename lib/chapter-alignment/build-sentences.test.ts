import { describe, expect, it } from 'vitest';
import { buildSentences, sentenceTexts } from './build-sentences.ts';

const P = 'El Sr. Tomás tenía 62 años. Los pescadores lo sabían. ¿Y tú?';
const times = (xs: { begin: number; end: number }[] | null) => xs?.map((x) => [x.begin, x.end]);

describe('buildSentences', () => {
  it('cuts the text with splitSentences and normalises each sentence as a paragraph', () => {
    expect(sentenceTexts(P, 'spa')).toEqual(['El Sr. Tomás tenía 62 años.', 'Los pescadores lo sabían.', '¿Y tú?']);
    const out = buildSentences({ text: P, language: 'spa', begin: 0, end: 6, times: [{ begin: 0, end: 3 }, { begin: 3, end: 5 }, { begin: 5, end: 6 }] })!;
    expect(out.map((s) => s.normText)).toEqual(['el señor tomás tenía sesenta y dos años', 'los pescadores lo sabían', 'y tú']);
    expect(times(out)).toEqual([[0, 3], [3, 5], [5, 6]]);
  });

  it('takes each sentence\'s confidence with its times; sentences kept by text keep theirs, shared ones have none', () => {
    const aligned = buildSentences({
      text: P,
      language: 'spa',
      begin: 0,
      end: 6,
      times: [{ begin: 0, end: 3, confidence: 0.9 }, { begin: 3, end: 5, confidence: 0.25 }, { begin: 5, end: 6 }],
    })!;
    expect(aligned.map((s) => s.confidence)).toEqual([0.9, 0.25, undefined]);
    const edited = buildSentences({ text: P.replace('sabían', 'veían'), language: 'spa', begin: 0, end: 6, previous: aligned })!;
    expect(edited.map((s) => s.confidence)).toEqual([0.9, undefined, undefined]);
  });

  it('a paragraph without times has no sentences yet', () => {
    expect(buildSentences({ text: P, language: 'spa', begin: null, end: null })).toBeNull();
  });

  it('one sentence spans the paragraph', () => {
    expect(buildSentences({ text: 'Una sola frase', language: 'spa', begin: 2, end: 4 })).toEqual([
      { text: 'Una sola frase', normText: 'una sola frase', begin: 2, end: 4 },
    ]);
  });

  it('without times, shares the paragraph by characters, ordered and covering it', () => {
    const out = buildSentences({ text: 'Aaa. Bbbbbbb. Ccc.', language: 'spa', begin: 10, end: 26 })!;
    expect(times(out)).toEqual([[10, 14], [14, 22], [22, 26]]);
  });

  it('ignores times whose count does not match the sentences', () => {
    const out = buildSentences({ text: 'Aaaa. Bbbb.', language: 'spa', begin: 0, end: 2, times: [{ begin: 0, end: 2 }] })!;
    expect(times(out)).toEqual([[0, 1], [1, 2]]);
  });

  it('keeps the times of unchanged sentences after a text edit; the edited one takes the time between them', () => {
    const previous = [
      { text: 'Uno.', begin: 0, end: 1.7 },
      { text: 'Dos.', begin: 1.7, end: 4.2 },
      { text: 'Tres.', begin: 4.2, end: 6 },
    ];
    const out = buildSentences({ text: 'Uno. Dos y medio. Tres.', language: 'spa', begin: 0, end: 6, previous })!;
    expect(times(out)).toEqual([[0, 1.7], [1.7, 4.2], [4.2, 6]]);
    const added = buildSentences({ text: 'Uno. Dos. Cuatro. Tres.', language: 'spa', begin: 0, end: 6, previous })!;
    expect(times(added)).toEqual([[0, 1.7], [1.7, 4.2], [4.2, 4.2], [4.2, 6]]);
  });

  it('split halves and a merge keep the sentence boundaries, fitted to the new paragraph times', () => {
    const previous = [
      { text: 'Uno.', begin: 0, end: 1.5 },
      { text: 'Dos.', begin: 1.5, end: 3 },
      { text: 'Tres.', begin: 3, end: 5 },
    ];
    expect(times(buildSentences({ text: 'Uno. Dos.', language: 'spa', begin: 0, end: 2.9, previous }))).toEqual([[0, 1.5], [1.5, 2.9]]);
    expect(times(buildSentences({ text: 'Tres.', language: 'spa', begin: 2.9, end: 5, previous }))).toEqual([[2.9, 5]]);
    const merged = buildSentences({
      text: 'Uno. Dos. Tres.',
      language: 'spa',
      begin: 0,
      end: 5,
      previous: [...previous.slice(0, 2).map((s) => ({ ...s, end: Math.min(s.end, 2.9) })), { text: 'Tres.', begin: 2.9, end: 5 }],
    })!;
    expect(times(merged)).toEqual([[0, 1.5], [1.5, 2.9], [2.9, 5]]);
  });
});
