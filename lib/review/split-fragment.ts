import { AppError } from '../errors/app-error.ts';
import { roundTime } from './move-boundary.ts';

/** What a split or a merge changes of a fragment. Times are null before alignment. */
export type TextRegion = { begin: number | null; end: number | null; text: string };

/**
 * Splits a fragment in two: the text at `textCaret` (a UTF-16 index into `text`, as a textarea's selectionStart
 * gives it; each half trimmed), the times at `atTime`. Both must fall strictly inside: each half keeps some text
 * and, when the fragment has times, at least `minDuration` seconds. A fragment without times splits its text
 * only (`atTime` is then ignored and both halves have null times). Throws INVALID_INPUT otherwise.
 */
export function splitFragment(
  frag: TextRegion,
  atTime: number | null,
  textCaret: number,
  opts: { minDuration?: number } = {},
): [TextRegion, TextRegion] {
  const left = frag.text.slice(0, textCaret).trim();
  const right = frag.text.slice(textCaret).trim();
  if (!Number.isInteger(textCaret) || textCaret <= 0 || textCaret >= frag.text.length || !left || !right) {
    throw new AppError('INVALID_INPUT', 'Put the cursor between two words of the paragraph to split it there.', {
      field: 'textCaret',
    });
  }
  if (frag.begin === null || frag.end === null) {
    return [
      { begin: null, end: null, text: left },
      { begin: null, end: null, text: right },
    ];
  }
  const min = opts.minDuration ?? 0;
  if (atTime === null || !Number.isFinite(atTime) || atTime - frag.begin <= min || frag.end - atTime <= min) {
    throw new AppError(
      'INVALID_INPUT',
      `Pick a split time strictly inside the paragraph (${frag.begin.toFixed(3)}–${frag.end.toFixed(3)} s).`,
      { field: 'atTime' },
    );
  }
  const t = roundTime(atTime);
  return [
    { begin: frag.begin, end: t, text: left },
    { begin: t, end: frag.end, text: right },
  ];
}
