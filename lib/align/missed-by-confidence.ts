// Does the confidence lead a reviewer to the errors? Issue 9's rule: every boundary more than `badSec` off must
// touch (end or begin) a fragment among the chapter's lowest-confidence 10 %. Ties count against the aligner: a
// fragment at the cut value is among the lowest only if everything at or below the cut fits in the 10 %.

/** Indices of the boundaries (0..k) more than `badSec` off whose fragments are not among the lowest 10 %. */
export function missedByConfidence(errors: number[], confidences: number[], badSec = 0.1): number[] {
  const k = confidences.length;
  if (k === 0) return [];
  const budget = Math.max(1, Math.ceil(0.1 * k));
  const sorted = [...confidences].sort((a, b) => a - b);
  const atCut = sorted[budget - 1]!;
  const cut = confidences.filter((c) => c <= atCut).length <= budget ? atCut : Math.max(-Infinity, ...sorted.filter((c) => c < atCut));
  const missed: number[] = [];
  errors.forEach((e, b) => {
    if (!(e > badSec)) return;
    const touching = [b - 1, b].filter((i) => i >= 0 && i < k);
    if (!touching.some((i) => confidences[i]! <= cut)) missed.push(b);
  });
  return missed;
}
