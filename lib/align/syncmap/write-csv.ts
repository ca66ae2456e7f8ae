// aeneas' CSV sync map (smfcsv.py): `id,begin,end,"text"` with "%.3f" times, one line per fragment, lines joined
// by "\n" without a final newline. Quotes inside the text are doubled (RFC 4180); aeneas writes them as they are,
// which our reader also accepts.
import { AppError } from '../../errors/app-error.ts';
import { singleLineText } from './single-line-text.ts';
import { formatFixed } from './syncmap-time.ts';
import type { SyncMap } from './syncmap-types.ts';

export function writeCsv(map: SyncMap): string {
  return map.fragments
    .map((fragment) => {
      if (/[,"\r\n]/.test(fragment.id)) {
        throw new AppError(
          'INVALID_INPUT',
          `Fragment id "${fragment.id}" contains a comma, quote or line break and cannot be written to CSV; rename the fragment or export another format.`,
          { format: 'csv', id: fragment.id },
        );
      }
      const text = singleLineText(fragment.lines).replace(/"/g, '""');
      return `${fragment.id},${formatFixed(fragment.begin, 3)},${formatFixed(fragment.end, 3)},"${text}"`;
    })
    .join('\n');
}
