// WebVTT as aeneas writes it (smfvtt.py): "WEBVTT", blank line, then numbered cues like SRT with '.' before the
// milliseconds. Unlike aeneas, '&', '<' and '>' in the text are written as character references, as WebVTT
// requires (otherwise "<" starts a tag and "-->" would break the cue); the reader turns them back.
import { subtitleTextLines } from './subtitle-text-lines.ts';
import { formatClock } from './syncmap-time.ts';
import type { SyncMap } from './syncmap-types.ts';

function escapeCueText(line: string): string {
  return line.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function writeVtt(map: SyncMap): string {
  const out = ['WEBVTT', ''];
  map.fragments.forEach((fragment, i) => {
    out.push(String(i + 1), `${formatClock(fragment.begin, '.')} --> ${formatClock(fragment.end, '.')}`);
    out.push(...subtitleTextLines(fragment.lines).map(escapeCueText), '');
  });
  out.push('');
  return out.join('\n');
}
