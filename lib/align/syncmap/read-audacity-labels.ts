// Audacity label track text: `begin<TAB>end<TAB>label` per line; a label may itself contain tabs. Lines starting
// with "\" are the frequency ranges of spectral labels and are skipped. Some locales export a decimal comma
// ("1,234000"); it is accepted. Ids are f000001 … by position.
import { fragmentId } from './fragment-id.ts';
import { splitTextLines } from './split-text-lines.ts';
import { syncMapError } from './syncmap-error.ts';
import { parseSeconds } from './syncmap-time.ts';
import type { SyncFragment, SyncMap } from './syncmap-types.ts';

const seconds = (field: string) => parseSeconds(field.trim().replace(/^(\d+),(\d+)$/, '$1.$2'));

export function readAudacityLabels(text: string): SyncMap {
  const lines = splitTextLines(text);
  if (lines.every((l) => l.trim() === '')) throw syncMapError('aud', 1, 'the file is empty.');
  const fragments: SyncFragment[] = [];
  lines.forEach((raw, i) => {
    if (raw.trim() === '' || raw.startsWith('\\')) return;
    const [beginField = '', endField, ...label] = raw.split('\t');
    const begin = seconds(beginField);
    const end = endField === undefined ? null : seconds(endField);
    if (begin === null || end === null) {
      throw syncMapError('aud', i + 1, `expected "begin<TAB>end<TAB>label" with times in seconds, found "${raw.trim()}".`);
    }
    if (end < begin) throw syncMapError('aud', i + 1, `the label ends (${end}) before it begins (${begin}).`);
    const textField = label.join('\t').trim();
    fragments.push({ id: fragmentId(fragments.length + 1), begin, end, lines: textField === '' ? [] : [textField] });
  });
  return { fragments };
}
