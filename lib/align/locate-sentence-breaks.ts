// Where, inside one fragment of the synthetic track, each of its sentences begins. espeak-ng pauses at every
// sentence end (about 0.3 s at 160 wpm, longer than at a comma), and the synthetic track is clean, so the breaks
// are the track's pauses: chosen in order by a small dynamic programme that favours long pauses near where the
// sentence's share of the fragment's characters puts it.
import { choosePauses, type PauseSpan as Pause } from './choose-pauses.ts';

export type LocateSentenceBreaksInput = {
  /** Loudness per synthetic frame in [0, 1] (quiet → 0); see relativeLoudness in align-fragments. */
  energy: ArrayLike<number>;
  /** Frame length, seconds. */
  shiftSec: number;
  /** The fragment's span in the synthetic track, seconds. */
  begin: number;
  end: number;
  /** Characters of each sentence (k ≥ 1 of them), in order. */
  sentenceChars: number[];
  /** Frames below this loudness are quiet; default 0.15. */
  quietBelow?: number;
  /** Shortest pause, frames; default 2 (80 ms at 40 ms). */
  minPauseFrames?: number;
};


/** The k − 1 times (seconds, increasing, inside (begin, end)) at which sentences 2..k begin. */
export function locateSentenceBreaks(input: LocateSentenceBreaksInput): number[] {
  const { energy, shiftSec, begin, end, sentenceChars } = input;
  const k = sentenceChars.length;
  if (k <= 1) return [];
  const quiet = input.quietBelow ?? 0.15;
  const minRun = input.minPauseFrames ?? 2;
  const f0 = Math.max(0, Math.round(begin / shiftSec));
  const f1 = Math.min(energy.length, Math.round(end / shiftSec));

  // Speech extent inside the fragment (the synthetic fragment may start/end with silence).
  let s0 = f0;
  while (s0 < f1 && energy[s0]! < quiet) s0++;
  let s1 = f1;
  while (s1 > s0 && energy[s1 - 1]! < quiet) s1--;
  const speechBegin = s0 * shiftSec;
  const speechEnd = s1 * shiftSec;

  // Interior pauses.
  const pauses: Pause[] = [];
  for (let f = s0; f < s1; ) {
    if (energy[f]! >= quiet) {
      f++;
      continue;
    }
    let g = f;
    while (g < s1 && energy[g]! < quiet) g++;
    if (g - f >= minRun) pauses.push({ begin: f * shiftSec, end: g * shiftSec });
    f = g;
  }

  const total = sentenceChars.reduce((a, b) => a + Math.max(0, b), 0) || 1;
  const expected: number[] = [];
  let acc = 0;
  for (let s = 0; s < k - 1; s++) {
    acc += Math.max(0, sentenceChars[s]!);
    expected.push(speechBegin + ((speechEnd - speechBegin) * acc) / total);
  }
  // Long pauses are sentence ends, commas are short; the distance counts in shares of the fragment so that a long
  // fragment tolerates more drift (a sixth of the fragment costs as much as an e-fold of pause length).
  const span = Math.max(shiftSec, speechEnd - speechBegin);
  const choice = choosePauses({ expected, pauses, distanceScale: span / 6 });
  const times = choice.map((c, s) => (c >= 0 ? (pauses[c]!.begin + pauses[c]!.end) / 2 : expected[s]!));
  // Keep them increasing and inside the fragment.
  for (let s = 0; s < times.length; s++) {
    const lo = s > 0 ? times[s - 1]! : begin;
    times[s] = Math.min(end, Math.max(lo, times[s]!));
  }
  return times;
}
