// A reviewer's change to a paragraph (a moved boundary, a new text, a split) leaves the aligner's confidence only
// on the sentences it did not touch: a sentence the reviewer moved or re-cut was decided by a human, so its
// confidence is dropped (absent), as an old row without one. Untouched means a sentence of the list before with
// the same text and times, matched in order.
import type { FragmentSentence } from './fragment-sentences.ts';

export function dropTouchedConfidence(before: readonly FragmentSentence[] | null, after: FragmentSentence[]): FragmentSentence[];
export function dropTouchedConfidence(before: readonly FragmentSentence[] | null, after: FragmentSentence[] | null): FragmentSentence[] | null;
export function dropTouchedConfidence(before: readonly FragmentSentence[] | null, after: FragmentSentence[] | null): FragmentSentence[] | null {
  if (after === null) return null;
  const prev = before ?? [];
  let from = 0;
  return after.map(({ confidence: _own, ...s }) => {
    const j = prev.findIndex((p, k) => k >= from && p.text === s.text && p.begin === s.begin && p.end === s.end);
    if (j < 0) return s;
    from = j + 1;
    const kept = prev[j]!.confidence;
    return kept !== undefined ? { ...s, confidence: kept } : s;
  });
}
