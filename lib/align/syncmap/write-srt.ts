// SubRip as aeneas writes it (smfgsubtitles.py): cue number from 1, "HH:MM:SS,mmm --> HH:MM:SS,mmm",
// the fragment's lines, a blank line after every cue (so the file ends with "\n\n").
import { subtitleTextLines } from './subtitle-text-lines.ts';
import { formatClock } from './syncmap-time.ts';
import type { SyncMap } from './syncmap-types.ts';

export function writeSrt(map: SyncMap): string {
  const out: string[] = [];
  map.fragments.forEach((fragment, i) => {
    out.push(String(i + 1), `${formatClock(fragment.begin, ',')} --> ${formatClock(fragment.end, ',')}`);
    out.push(...subtitleTextLines(fragment.lines), '');
  });
  out.push('');
  return out.join('\n');
}
