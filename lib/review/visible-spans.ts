// A zero-length span (a sentence a paragraph edge was dragged over) would be drawn as a marker, without the two
// handles a reviewer needs to give it back its time. It is drawn `minWidth` wide instead: around its time, then
// shifted inside the span that holds it (its paragraph) when that is wide enough; otherwise centred on it.
import { roundTime } from './move-boundary.ts';

type Span = { begin: number; end: number };

/** Shorter than this (seconds; times are kept to the millisecond) a span counts as zero-length. */
const ZERO_LENGTH = 0.0005;

export function visibleSpan(span: Span, within: Span, minWidth: number): Span {
  if (span.end - span.begin >= ZERO_LENGTH || !(minWidth > 0)) return span;
  const centre = within.end - within.begin < minWidth ? (within.begin + within.end) / 2 : (span.begin + span.end) / 2;
  let begin = centre - minWidth / 2;
  if (within.end - within.begin >= minWidth) begin = Math.min(within.end - minWidth, Math.max(within.begin, begin));
  return { begin: roundTime(Math.max(0, begin)), end: roundTime(Math.max(0, begin) + minWidth) };
}
