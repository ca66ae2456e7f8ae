// What a revision records of a fragment, before and after a change.
export type FragmentSnapshot = {
  begin: number | null;
  end: number | null;
  text: string;
  normText: string;
  status: string;
  confidence: number | null;
};

export function fragmentSnapshot(f: FragmentSnapshot): FragmentSnapshot {
  return { begin: f.begin, end: f.end, text: f.text, normText: f.normText, status: f.status, confidence: f.confidence };
}
