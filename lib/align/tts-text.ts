import { expandSpanish } from '../text/expand-spanish.ts';

/** The text espeak-ng reads: abbreviations and numbers spelled out, punctuation kept for prosody. */
export function ttsText(text: string, language: string): string {
  return language === 'spa' ? expandSpanish(text) : text;
}
