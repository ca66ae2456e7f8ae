// A paragraph's sentences as Fragment.sentences stores them (JSON): the one schema every reader and writer goes
// through. Texts are the paragraph's text cut by splitSentences (in order, together the whole paragraph), normText
// each sentence's transcript (normaliseForLanguage, as the paragraph's normText), times in seconds of the
// chapter's audio: the first begins with the paragraph, the last ends with it, in order, never overlapping
// (fitSentences keeps that true whenever the paragraph's times change). `confidence` (0..1, optional): the
// aligner's for that sentence (a one-sentence paragraph's is the paragraph's); absent on rows stored before it was
// kept and on sentences a reviewer moved or re-cut (a human decided).
import { z } from 'zod';

export const fragmentSentenceSchema = z.object({
  text: z.string(),
  normText: z.string(),
  begin: z.number().finite().min(0),
  end: z.number().finite().min(0),
  confidence: z.number().finite().min(0).max(1).optional(),
});
export const fragmentSentencesSchema = z.array(fragmentSentenceSchema).min(1);

export type FragmentSentence = z.infer<typeof fragmentSentenceSchema>;

/** The column's value: null (no sentences stored yet) or the validated list. Throws on a malformed value. */
export function parseFragmentSentences(json: string | null): FragmentSentence[] | null {
  if (json === null) return null;
  return fragmentSentencesSchema.parse(JSON.parse(json));
}

export function stringifyFragmentSentences(sentences: readonly FragmentSentence[] | null): string | null {
  return sentences === null ? null : JSON.stringify(fragmentSentencesSchema.parse(sentences));
}

/**
 * The sentences to show or export for a paragraph: the stored ones, or — for a timed paragraph whose sentences
 * were never stored (aligned before sentences were kept) — the whole paragraph as its only sentence. Null for a
 * paragraph without times.
 */
export function sentencesOrWhole(f: {
  begin: number | null;
  end: number | null;
  text: string;
  normText: string;
  sentences: string | null;
}): FragmentSentence[] | null {
  if (f.begin === null || f.end === null) return null;
  return parseFragmentSentences(f.sentences) ?? [{ text: f.text, normText: f.normText, begin: f.begin, end: f.end }];
}
