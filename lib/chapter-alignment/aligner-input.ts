// A paragraph as the aligner takes it: the text espeak-ng reads, and — when it has two or more sentences — each
// sentence's, so that the result carries one child span per sentence (the order of sentenceTexts).
import { ttsText } from '../align/tts-text.ts';
import { sentenceTexts } from './build-sentences.ts';

export function alignerInput(f: { id: string; text: string }, language: string): { id: string; text: string; sentences?: string[] } {
  const sentences = sentenceTexts(f.text, language);
  return {
    id: f.id,
    text: ttsText(f.text, language),
    ...(sentences.length > 1 ? { sentences: sentences.map((t) => ttsText(t, language)) } : {}),
  };
}

/**
 * An aligned paragraph's sentence times with their confidence, as buildSentences takes them: the aligner's
 * children, or — for a one-sentence paragraph (no children) — the paragraph's own span and confidence.
 */
export function alignedSentences(f: {
  begin: number;
  end: number;
  confidence: number;
  children?: readonly { begin: number; end: number; confidence: number }[];
}): { begin: number; end: number; confidence: number }[] {
  return f.children
    ? f.children.map((c) => ({ begin: c.begin, end: c.end, confidence: c.confidence }))
    : [{ begin: f.begin, end: f.end, confidence: f.confidence }];
}
