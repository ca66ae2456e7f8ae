// What a revision records of a fragment, before and after a change.
export type FragmentSnapshot = {
  begin: number | null;
  end: number | null;
  text: string;
  normText: string;
  status: string;
  confidence: number | null;
  /** Why a reviewer should look (aligner, model or a reviewer's "attention"); absent in revisions made before flags. */
  flag?: string | null;
};

export function fragmentSnapshot(f: FragmentSnapshot): FragmentSnapshot {
  return { begin: f.begin, end: f.end, text: f.text, normText: f.normText, status: f.status, confidence: f.confidence, flag: f.flag ?? null };
}
