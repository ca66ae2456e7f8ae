// WebVTT: "WEBVTT" header, optional cue identifiers (numeric ones are treated as positions), NOTE / STYLE /
// REGION blocks skipped, cue settings ignored, the character references of cue text decoded.
import { readSubtitleCues } from './read-subtitle-cues.ts';
import type { SyncMap } from './syncmap-types.ts';

const REFERENCES: Record<string, string> = { amp: '&', lt: '<', gt: '>', nbsp: '\u00a0', lrm: '\u200e', rlm: '\u200f' };

function decodeCueText(line: string): string {
  return line.replace(/&(amp|lt|gt|nbsp|lrm|rlm);/g, (_m, name: string) => REFERENCES[name] ?? '');
}

export function readVtt(text: string): SyncMap {
  return readSubtitleCues('vtt', text, decodeCueText);
}
