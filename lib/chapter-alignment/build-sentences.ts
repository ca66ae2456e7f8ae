// A paragraph's sentences for its current text and times: the text cut by splitSentences, each sentence's
// transcript, and times from (in order of preference) the aligner or a sync map (`times`, when there is one per
// sentence), the sentences the paragraph had before whose text is unchanged (a text edit, a split, a merge keep
// the boundaries a reviewer placed), or the paragraph's span shared by characters — then fitted to the
// paragraph (fitSentences). A sentence's confidence comes with its times (the aligner's, a kept sentence's);
// sentences whose times are shared by characters have none.
import { splitSentences } from '../text/split-sentences.ts';
import { normaliseForLanguage } from '../text/normalise-for-language.ts';
import { fitSentences } from './fit-sentences.ts';
import type { FragmentSentence } from './fragment-sentences.ts';

type Times = { begin: number; end: number };
type Timed = Times & { confidence?: number | null };

export type BuildSentencesInput = {
  text: string;
  language: string;
  begin: number | null;
  end: number | null;
  /** One span per sentence (aligner children, a sync map's children); ignored when the count differs. */
  times?: readonly Timed[] | null;
  /** The paragraph's sentences before the change (or the concatenation of two merged paragraphs'). */
  previous?: readonly { text: string; begin: number; end: number; confidence?: number | null }[] | null;
};

/** The sentence texts of a paragraph (splitSentences; the whole text when it finds none). */
export function sentenceTexts(text: string, language: string): string[] {
  const spans = splitSentences(text, language).map((s) => s.text);
  return spans.length > 0 ? spans : [text.trim()];
}

const weight = (text: string) => Math.max(1, text.replace(/\s+/g, '').length);

/** Null when the paragraph has no times (sentences are stored once it has). */
export function buildSentences(input: BuildSentencesInput): FragmentSentence[] | null {
  const { begin, end } = input;
  if (begin === null || end === null) return null;
  const texts = sentenceTexts(input.text, input.language);
  const n = texts.length;
  let times: (Timed | null)[];
  if (input.times && input.times.length === n) {
    times = input.times.map((t) => ({ begin: t.begin, end: t.end, confidence: t.confidence }));
  } else {
    // unchanged sentences, matched in order by their text, keep their times
    times = new Array<Times | null>(n).fill(null);
    const prev = input.previous ?? [];
    let from = 0;
    for (let i = 0; i < n && from < prev.length; i++) {
      const j = prev.findIndex((p, k) => k >= from && p.text === texts[i]);
      if (j < 0) continue;
      times[i] = { begin: prev[j]!.begin, end: prev[j]!.end, confidence: prev[j]!.confidence };
      from = j + 1;
    }
    // each run of the others shares the time between its known neighbours by characters
    for (let i = 0; i < n; ) {
      if (times[i]) {
        i++;
        continue;
      }
      let j = i;
      while (j < n && !times[j]) j++;
      const lo = i === 0 ? begin : times[i - 1]!.end;
      const hi = Math.max(lo, j === n ? end : times[j]!.begin);
      const total = texts.slice(i, j).reduce((a, t) => a + weight(t), 0);
      let at = lo;
      for (let k = i; k < j; k++) {
        const next = k === j - 1 ? hi : at + ((hi - lo) * weight(texts[k]!)) / total;
        times[k] = { begin: at, end: next };
        at = next;
      }
      i = j;
    }
  }
  const round = (t: number) => Math.round(t * 1e6) / 1e6;
  return fitSentences(
    texts.map((text, i) => {
      const confidence = times[i]!.confidence;
      return {
        text,
        normText: normaliseForLanguage(text, input.language),
        begin: round(times[i]!.begin),
        end: round(times[i]!.end),
        ...(confidence != null ? { confidence } : {}),
      };
    }),
    begin,
    end,
  );
}
