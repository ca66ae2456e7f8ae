// The utterances a chapter's timed paragraphs make, before any filter: one per paragraph (unit 'paragraph'), or
// one per sentence of each paragraph (unit 'sentence': a 45 s paragraph yields its 1–20 s sentences instead of
// being dropped by the duration filter). Each carries its padding limits: the neighbouring utterances' edges,
// so padding never reaches into another utterance. Pure; selectExamples applies the filters.
import { sentencesOrWhole } from '../chapter-alignment/fragment-sentences.ts';
import type { ExportUnit } from './export-settings.ts';

export type TimedFragment = {
  id: string;
  position: number;
  begin: number;
  end: number;
  text: string;
  normText: string;
  sentences: string | null;
};

export type ExampleSpan = {
  /** The fragment id, or `<fragmentId>.s<k>` for its k-th sentence (from 1). */
  id: string;
  /** Index of the paragraph in the list given. */
  fragmentIndex: number;
  fragmentId: string;
  /** Utterance number within the chapter: the paragraph's position, or the sentence's index over the chapter's
   * timed paragraphs. */
  utterance: number;
  begin: number;
  end: number;
  /** Normalised transcript. */
  text: string;
  textOriginal: string;
  /** The sentence's own confidence when one is stored (unit 'sentence'); otherwise the paragraph's applies. */
  confidence?: number;
  limits: { begin?: number; end?: number };
};

export function sentenceExampleId(fragmentId: string, sentence: number): string {
  return `${fragmentId}.s${sentence + 1}`;
}

/** `timed`: the chapter's fragments with times, in reading order. */
export function exampleSpans(timed: readonly TimedFragment[], unit: ExportUnit): ExampleSpan[] {
  const spans: Omit<ExampleSpan, 'limits'>[] = [];
  for (const [i, f] of timed.entries()) {
    if (unit === 'paragraph') {
      spans.push({ id: f.id, fragmentIndex: i, fragmentId: f.id, utterance: f.position, begin: f.begin, end: f.end, text: f.normText.trim(), textOriginal: oneLine(f.text) });
      continue;
    }
    for (const [k, s] of sentencesOrWhole(f)!.entries()) {
      spans.push({
        id: sentenceExampleId(f.id, k),
        fragmentIndex: i,
        fragmentId: f.id,
        utterance: spans.length,
        begin: s.begin,
        end: s.end,
        text: s.normText.trim(),
        textOriginal: oneLine(s.text),
        ...(s.confidence !== undefined ? { confidence: s.confidence } : {}),
      });
    }
  }
  return spans.map((s, j) => {
    const limits: ExampleSpan['limits'] = {};
    if (j > 0) limits.begin = spans[j - 1]!.end;
    if (j + 1 < spans.length) limits.end = spans[j + 1]!.begin;
    return { ...s, limits };
  });
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
