// The transcript (normText) of a paragraph or a sentence in the book's language: Spanish through
// normaliseSpanish, other languages lower-cased with only letters, digits and apostrophes kept.
import { normaliseSpanish } from './normalise-spanish.ts';

export function normaliseForLanguage(text: string, language: string): string {
  if (language === 'spa') return normaliseSpanish(text);
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .trim();
}
