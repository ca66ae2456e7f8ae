// What a revision records of a fragment, before and after a change.
import { parseFragmentSentences, type FragmentSentence } from './fragment-sentences.ts';

export type FragmentSnapshot = {
  begin: number | null;
  end: number | null;
  text: string;
  normText: string;
  status: string;
  confidence: number | null;
  /** Why a reviewer should look (aligner, model or a reviewer's "attention"); absent in revisions made before flags. */
  flag?: string | null;
  /** The paragraph's sentences (their times live and die with the paragraph's); absent in revisions made before
   * sentences were stored. */
  sentences?: FragmentSentence[] | null;
};

/** A fragment row as the database holds it (sentences as the column's JSON). */
export type SnapshotSource = Omit<FragmentSnapshot, 'sentences'> & { sentences?: string | null };

export function fragmentSnapshot(f: SnapshotSource): FragmentSnapshot {
  return {
    begin: f.begin,
    end: f.end,
    text: f.text,
    normText: f.normText,
    status: f.status,
    confidence: f.confidence,
    flag: f.flag ?? null,
    sentences: parseFragmentSentences(f.sentences ?? null),
  };
}
