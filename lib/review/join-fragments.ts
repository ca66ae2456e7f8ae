import type { TextRegion } from './split-fragment.ts';

/**
 * Two consecutive fragments as one (the pure half of a merge; the use case is mergeFragments): `a`'s begin,
 * `b`'s end (either side's when the other has no times), texts joined by a space, or by a newline for verse.
 * Verse, unless `separator` says otherwise, is a text that already has line breaks.
 */
export function joinFragments(a: TextRegion, b: TextRegion, opts: { separator?: ' ' | '\n' } = {}): TextRegion {
  const separator = opts.separator ?? (a.text.includes('\n') || b.text.includes('\n') ? '\n' : ' ');
  const left = a.text.trim();
  const right = b.text.trim();
  return {
    begin: a.begin ?? b.begin,
    end: b.end ?? a.end,
    text: left && right ? `${left}${separator}${right}` : left || right,
  };
}
