// Which fragments a span re-alignment covers: from the nearest anchor at or before the current fragment's begin
// to the nearest anchor at or after its end. A boundary is an anchor when either side of it is locked
// (fragment m's lockedEnd or fragment m+1's lockedBegin). Without an anchor on a side the range runs to the
// chapter's first / last fragment and keeps its current head / tail time.
export type AnchorFragment = { begin: number | null; end: number | null; lockedBegin: boolean; lockedEnd: boolean };

export type AnchorRange = {
  /** Indexes of the first and last fragment re-aligned (inclusive). */
  first: number;
  last: number;
  /** The audio span handed to the aligner, seconds. */
  begin: number;
  end: number;
  /** Whether each end of the span is a locked anchor (false: the chapter's head / tail). */
  anchoredBegin: boolean;
  anchoredEnd: boolean;
};

/** null when a fragment in the range has no times yet (align the chapter first). */
export function findAnchorRange(frags: readonly AnchorFragment[], index: number): AnchorRange | null {
  if (index < 0 || index >= frags.length) return null;
  let first = 0;
  let anchoredBegin = false;
  for (let m = index; m >= 0; m--) {
    if (frags[m]!.lockedBegin) {
      first = m;
      anchoredBegin = true;
      break;
    }
    if (m < index && frags[m]!.lockedEnd) {
      first = m + 1;
      anchoredBegin = true;
      break;
    }
  }
  let last = frags.length - 1;
  let anchoredEnd = false;
  for (let m = index; m < frags.length; m++) {
    if (frags[m]!.lockedEnd) {
      last = m;
      anchoredEnd = true;
      break;
    }
    if (m > index && frags[m]!.lockedBegin) {
      last = m - 1;
      anchoredEnd = true;
      break;
    }
  }
  for (let m = first; m <= last; m++) if (frags[m]!.begin === null || frags[m]!.end === null) return null;
  // the range's current outer times: never past the anchor (a gap before / after it stays)
  const begin = frags[first]!.begin!;
  const end = frags[last]!.end!;
  return { first, last, begin, end, anchoredBegin, anchoredEnd };
}
