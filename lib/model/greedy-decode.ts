// Best-path CTC decoding: argmax per frame, collapse repeats, drop blanks (id 0).

/** Label ids of `scores` (frames × vocabSize, time-major logits or log-probs), reading only the first `frames` frames. */
export function greedyDecode(scores: ArrayLike<number>, frames: number, vocabSize: number): number[] {
  const out: number[] = [];
  let prev = -1;
  for (let t = 0; t < frames; t++) {
    let best = 0;
    let bestScore = -Infinity;
    for (let v = 0; v < vocabSize; v++) {
      const s = scores[t * vocabSize + v]!;
      if (s > bestScore) {
        bestScore = s;
        best = v;
      }
    }
    if (best !== prev && best !== 0) out.push(best);
    prev = best;
  }
  return out;
}
