// Undo at the sentence level: a reviewer's change drops the aligner's confidence of the sentences it moves
// (dropTouchedConfidence). Moving them back where the aligner put them (undo, or by hand to the millisecond)
// brings it back: a sentence without confidence takes the one an earlier state of the paragraph had for the same
// text and times (newest state first). The confidences come from the paragraph's own revisions, never from the
// request: only the aligner sets one.
import type { FragmentSentence } from '../chapter-alignment/fragment-sentences.ts';

/** `earlier`: the paragraph's earlier sentence lists, newest first. Unchanged sentences keep their identity. */
export function restoreSentenceConfidence(sentences: FragmentSentence[], earlier: readonly (readonly FragmentSentence[])[]): FragmentSentence[] {
  return sentences.map((s) => {
    if (s.confidence !== undefined) return s;
    for (const list of earlier) {
      const known = list.find((p) => p.text === s.text && p.begin === s.begin && p.end === s.end && p.confidence !== undefined);
      if (known) return { ...s, confidence: known.confidence };
    }
    return s;
  });
}
