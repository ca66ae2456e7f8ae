// Server-side checks of a reviewer's sentence times (moving a sentence boundary inside a paragraph): one span per
// sentence the paragraph has, in order, not overlapping, inner edges inside the paragraph. The first begin and
// the last end are the paragraph's own (the consistency rule), whatever the request says.
import { AppError } from '../errors/app-error.ts';
import { fitSentences } from '../chapter-alignment/fit-sentences.ts';
import { sentencesOrWhole } from '../chapter-alignment/fragment-sentences.ts';

const EPS = 1e-6;

type Span = { begin: number; end: number };

/** The times to store, or null when they are the sentences' current ones (nothing to save). */
export function checkSentenceTimes(
  fragment: { begin: number | null; end: number | null; text: string; normText: string; sentences: string | null },
  begin: number | null,
  end: number | null,
  times: readonly Span[],
): Span[] | null {
  const current = sentencesOrWhole(fragment);
  if (begin === null || end === null || current === null) {
    throw new AppError('INVALID_INPUT', 'This paragraph has no times yet: align the chapter first.', { field: 'sentences' });
  }
  if (times.length !== current.length) {
    throw new AppError(
      'INVALID_INPUT',
      `This paragraph has ${current.length} sentence${current.length === 1 ? '' : 's'}, not ${times.length}; reload it and move the boundary again.`,
      { field: 'sentences' },
    );
  }
  const fitted = times.map((t, i) => ({ begin: i === 0 ? begin : t.begin, end: i === times.length - 1 ? end : t.end }));
  for (const [i, t] of fitted.entries()) {
    const previous = fitted[i - 1];
    if (t.begin < begin - EPS || t.end > end + EPS || t.end < t.begin - EPS || (previous && t.begin < previous.end - EPS)) {
      throw new AppError(
        'INVALID_INPUT',
        `Sentence ${i + 1} (${t.begin.toFixed(3)}–${t.end.toFixed(3)} s) must lie inside the paragraph (${begin.toFixed(3)}–${end.toFixed(3)} s), after the sentence before it.`,
        { field: 'sentences', sentence: i },
      );
    }
  }
  const now = fitSentences(current, begin, end);
  return fitted.every((t, i) => t.begin === now[i]!.begin && t.end === now[i]!.end) ? null : fitted;
}
