// aeneas' TSV sync map: `begin<TAB>end<TAB>id` per line, no text (so `lines` is empty). Times may be seconds or
// HH:MM:SS.mmm (aeneas' "tsvh").
import { splitTextLines } from './split-text-lines.ts';
import { syncMapError } from './syncmap-error.ts';
import { parseClock, parseSeconds } from './syncmap-time.ts';
import type { SyncFragment, SyncMap } from './syncmap-types.ts';

export function readTsv(text: string): SyncMap {
  const lines = splitTextLines(text);
  if (lines.every((l) => l.trim() === '')) throw syncMapError('tsv', 1, 'the file is empty.');
  const fragments: SyncFragment[] = [];
  lines.forEach((raw, i) => {
    if (raw.trim() === '') return;
    const [beginField = '', endField = '', idField] = raw.trim().split('\t');
    const id = idField?.trim() ?? '';
    if (id === '') throw syncMapError('tsv', i + 1, 'expected three tab-separated fields: begin, end, id.');
    const begin = parseSeconds(beginField) ?? parseClock(beginField);
    const end = parseSeconds(endField) ?? parseClock(endField);
    if (begin === null || end === null) {
      throw syncMapError('tsv', i + 1, `cannot read the times "${beginField}" and "${endField}"; expected seconds like 12.345.`);
    }
    if (end < begin) throw syncMapError('tsv', i + 1, `the fragment ends (${end}) before it begins (${begin}).`);
    fragments.push({ id, begin, end, lines: [] });
  });
  return { fragments };
}
