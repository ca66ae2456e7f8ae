// Audacity label track text (File → Export → Labels): `begin<TAB>end<TAB>label` with six decimals, as Audacity
// itself writes them (aeneas' "aud" writes three). One line per fragment, each ending with "\n" like Audacity.
import { singleLineText } from './single-line-text.ts';
import { formatFixed } from './syncmap-time.ts';
import type { SyncMap } from './syncmap-types.ts';

export function writeAudacityLabels(map: SyncMap): string {
  return map.fragments
    .map((f) => `${formatFixed(f.begin, 6)}\t${formatFixed(f.end, 6)}\t${singleLineText(f.lines)}\n`)
    .join('');
}
