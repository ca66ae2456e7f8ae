// A zero-length span (a sentence a paragraph edge was dragged over) would be drawn as a marker, without the two
// handles a reviewer needs to give it back its time. It is drawn `minWidth` wide instead: around its time, then
// shifted inside the span that holds it (its paragraph) when that is wide enough; otherwise centred on it.
// Several collapsed at one time are drawn side by side, in order, so that each keeps handles of its own.
import { roundTime } from './move-boundary.ts';

type Span = { begin: number; end: number };

/** Shorter than this (seconds; times are kept to the millisecond) a span counts as zero-length. */
const ZERO_LENGTH = 0.0005;

const isZero = (s: Span) => s.end - s.begin < ZERO_LENGTH;

/** The spans as drawn (same order; spans with a length as they are). */
export function visibleSpans(spans: readonly Span[], within: Span, minWidth: number): Span[] {
  const out: Span[] = spans.map((s) => ({ begin: s.begin, end: s.end }));
  if (!(minWidth > 0)) return out;
  for (let i = 0; i < spans.length; ) {
    const s = spans[i]!;
    if (!isZero(s)) {
      i++;
      continue;
    }
    // a run of zero-length spans at one time: one block, split in order
    let j = i + 1;
    while (j < spans.length && isZero(spans[j]!) && Math.abs(spans[j]!.begin - s.begin) < ZERO_LENGTH) j++;
    const width = (j - i) * minWidth;
    const centre = within.end - within.begin < width ? (within.begin + within.end) / 2 : s.begin;
    let begin = centre - width / 2;
    if (within.end - within.begin >= width) begin = Math.min(within.end - width, Math.max(within.begin, begin));
    begin = Math.max(0, begin);
    for (let k = i; k < j; k++) out[k] = { begin: roundTime(begin + (k - i) * minWidth), end: roundTime(begin + (k - i + 1) * minWidth) };
    i = j;
  }
  return out;
}
