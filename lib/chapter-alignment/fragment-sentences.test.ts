import { describe, expect, it } from 'vitest';
import { parseFragmentSentences, stringifyFragmentSentences } from './fragment-sentences.ts';

const row = (extra: object = {}) => ({ text: 'Uno.', normText: 'uno', begin: 0, end: 1.5, ...extra });

describe('fragment sentences schema', () => {
  it('keeps a sentence confidence in 0..1 through a round trip', () => {
    const json = stringifyFragmentSentences([row({ confidence: 0.87 }), row({ begin: 1.5, end: 2, confidence: 0 })]);
    expect(parseFragmentSentences(json)!.map((s) => s.confidence)).toEqual([0.87, 0]);
  });

  it('reads rows stored before the confidence was kept: it is absent, not defaulted', () => {
    const old = JSON.stringify([row()]);
    const [s] = parseFragmentSentences(old)!;
    expect(s).toEqual(row());
    expect('confidence' in s!).toBe(false);
    expect(stringifyFragmentSentences([row()])).toBe(old);
  });

  it('rejects a confidence outside 0..1', () => {
    expect(() => stringifyFragmentSentences([row({ confidence: 1.2 })])).toThrow();
    expect(() => parseFragmentSentences(JSON.stringify([row({ confidence: -0.1 })]))).toThrow();
  });
});
