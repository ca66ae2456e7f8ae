// aeneas' TSV sync map (smftsv.py): `begin<TAB>end<TAB>id` with "%.3f" times, no text, lines joined by "\n"
// without a final newline.
import { AppError } from '../../errors/app-error.ts';
import { formatFixed } from './syncmap-time.ts';
import type { SyncMap } from './syncmap-types.ts';

export function writeTsv(map: SyncMap): string {
  return map.fragments
    .map((fragment) => {
      if (/[\t\r\n]/.test(fragment.id) || fragment.id.trim() === '') {
        throw new AppError(
          'INVALID_INPUT',
          `Fragment id "${fragment.id}" is empty or contains a tab or line break and cannot be written to TSV; rename the fragment or export another format.`,
          { format: 'tsv', id: fragment.id },
        );
      }
      return `${formatFixed(fragment.begin, 3)}\t${formatFixed(fragment.end, 3)}\t${fragment.id}`;
    })
    .join('\n');
}
