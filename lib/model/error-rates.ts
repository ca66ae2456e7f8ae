// Character and word error rates: Levenshtein edits (substitutions + deletions + insertions) summed over the
// utterances divided by the reference length summed over them (corpus-level, as sclite and jiwer report).

export type ErrorRates = {
  /** charEdits / refChars (0 when there are no reference characters and no edits). */
  cer: number;
  wer: number;
  charEdits: number;
  refChars: number;
  wordEdits: number;
  refWords: number;
};

/** Edit distance between two sequences (two-row dynamic programme). */
export function levenshtein<T>(a: readonly T[], b: readonly T[]): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let cur = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const sub = prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      cur[j] = Math.min(sub, prev[j]! + 1, cur[j - 1]! + 1);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

const words = (s: string): string[] => s.split(/\s+/u).filter((w) => w !== '');
const rate = (edits: number, n: number): number => (n === 0 ? (edits === 0 ? 0 : Infinity) : edits / n);

/** CER over code points and WER over whitespace-separated words of `hypotheses` against `references`. */
export function errorRates(references: readonly string[], hypotheses: readonly string[]): ErrorRates {
  if (references.length !== hypotheses.length) {
    throw new Error(`errorRates: ${references.length} references but ${hypotheses.length} hypotheses`);
  }
  let charEdits = 0;
  let refChars = 0;
  let wordEdits = 0;
  let refWords = 0;
  for (let i = 0; i < references.length; i++) {
    const r = references[i]!;
    const h = hypotheses[i]!;
    const rc = [...r];
    charEdits += levenshtein(rc, [...h]);
    refChars += rc.length;
    const rw = words(r);
    wordEdits += levenshtein(rw, words(h));
    refWords += rw.length;
  }
  return { cer: rate(charEdits, refChars), wer: rate(wordEdits, refWords), charEdits, refChars, wordEdits, refWords };
}
