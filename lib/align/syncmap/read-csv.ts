// aeneas' CSV sync map: `id,begin,end,"text"` per line. Like aeneas, the text is everything after the third comma
// (so unquoted commas survive); surrounding quotes are removed and doubled quotes undone. Times may be seconds
// or HH:MM:SS.mmm (aeneas' "csvh"); an "id,begin,end,text" header line is skipped.
import { splitTextLines } from './split-text-lines.ts';
import { syncMapError } from './syncmap-error.ts';
import { parseClock, parseSeconds } from './syncmap-time.ts';
import type { SyncFragment, SyncMap } from './syncmap-types.ts';

function unquote(field: string): string {
  return field.length >= 2 && field.startsWith('"') && field.endsWith('"') ? field.slice(1, -1).replace(/""/g, '"') : field;
}

export function readCsv(text: string): SyncMap {
  const lines = splitTextLines(text);
  if (lines.every((l) => l.trim() === '')) throw syncMapError('csv', 1, 'the file is empty.');
  const fragments: SyncFragment[] = [];
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    const fields: string[] = [];
    let rest = line;
    for (let k = 0; k < 3; k++) {
      const comma = rest.indexOf(',');
      if (comma < 0) {
        fields.push(rest);
        rest = '';
        break;
      }
      fields.push(rest.slice(0, comma));
      rest = rest.slice(comma + 1);
    }
    if (fields.length < 3) throw syncMapError('csv', i + 1, `expected id,begin,end,"text", found "${line}".`);
    const [idField = '', beginField = '', endField = ''] = fields;
    if (fragments.length === 0 && beginField.trim() === 'begin' && endField.trim() === 'end') return; // header
    const begin = parseSeconds(beginField) ?? parseClock(beginField);
    const end = parseSeconds(endField) ?? parseClock(endField);
    if (begin === null || end === null) {
      throw syncMapError('csv', i + 1, `cannot read the times "${beginField}" and "${endField}"; expected seconds like 12.345.`);
    }
    if (end < begin) throw syncMapError('csv', i + 1, `the fragment ends (${end}) before it begins (${begin}).`);
    const id = unquote(idField.trim());
    if (id === '') throw syncMapError('csv', i + 1, 'the fragment id (first field) is empty.');
    const textField = unquote(rest.trim());
    fragments.push({ id, begin, end, lines: textField === '' ? [] : [textField] });
  });
  return { fragments };
}
