// What a paragraph's stored sentences become when its times or text change: every write path (review saves,
// alignment, sync map imports) goes through this, so the sentences always match the paragraph.
// - times from the aligner or a sync map (one per sentence): taken, fitted to the paragraph;
// - a new text (or no sentences stored yet): cut again, unchanged sentences keep their times (buildSentences);
// - new paragraph times only: the consistency rule (fitSentences);
// - a paragraph without times has none (null).
import { buildSentences } from './build-sentences.ts';
import { fitSentences } from './fit-sentences.ts';
import { parseFragmentSentences, type FragmentSentence } from './fragment-sentences.ts';

export type NextSentencesInput = {
  /** The row as stored (sentences as the column's JSON). */
  current: { begin: number | null; end: number | null; text: string; sentences: string | null };
  begin: number | null;
  end: number | null;
  text: string;
  /** The book's language, or how to get it (only read when the text has to be cut again). */
  language: string | (() => Promise<string>);
  times?: readonly { begin: number; end: number; confidence?: number | null }[] | null;
};

/** The new value of Fragment.sentences, or undefined when it stays as it is. */
export async function nextSentences(input: NextSentencesInput): Promise<FragmentSentence[] | null | undefined> {
  const { current, begin, end, text } = input;
  const old = parseFragmentSentences(current.sentences);
  if (begin === null || end === null) return old === null ? undefined : null;
  if (input.times || text !== current.text || old === null) {
    const language = typeof input.language === 'string' ? input.language : await input.language();
    return buildSentences({ text, language, begin, end, times: input.times, previous: old });
  }
  if (begin !== current.begin || end !== current.end) return fitSentences(old, begin, end);
  return undefined;
}
