// SubRip: numbered cues, "HH:MM:SS,mmm --> HH:MM:SS,mmm" ('.' accepted too), text lines. Ids are f000001 … by
// position, since SRT cue numbers are not fragment ids.
import { readSubtitleCues } from './read-subtitle-cues.ts';
import type { SyncMap } from './syncmap-types.ts';

export function readSrt(text: string): SyncMap {
  return readSubtitleCues('srt', text);
}
