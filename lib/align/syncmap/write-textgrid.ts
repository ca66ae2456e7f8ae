// Praat TextGrid, long text format, laid out as aeneas writes it (through TextGridTools' export_to_long_textgrid):
// tab indentation, Python float reprs ("0.0", "2.68"), no final newline, one IntervalTier named "Token" covering
// [0, last end], with gaps filled by empty intervals. Quotes in labels are doubled as Praat does (TextGridTools
// does not). Empty fragment text stays empty (aeneas writes "SIL").
import { AppError } from '../../errors/app-error.ts';
import { singleLineText } from './single-line-text.ts';
import { toMilliseconds } from './syncmap-time.ts';
import type { SyncMap } from './syncmap-types.ts';

/** Python's str(float) for a whole number of milliseconds: "0.0", "2.68", "53.24". */
function pythonSeconds(ms: number): string {
  const text = String(ms / 1000);
  return text.includes('.') ? text : `${text}.0`;
}

export function writeTextGrid(map: SyncMap): string {
  const intervals: { begin: number; end: number; text: string }[] = [];
  let cursor = 0;
  let previousId = '';
  for (const fragment of map.fragments) {
    const begin = toMilliseconds(fragment.begin);
    const end = toMilliseconds(fragment.end);
    if (begin < cursor) {
      throw new AppError(
        'INVALID_INPUT',
        `Fragment ${fragment.id} starts before fragment ${previousId} ends; TextGrid intervals cannot overlap. Fix the boundaries or export another format.`,
        { format: 'textgrid', id: fragment.id },
      );
    }
    if (begin > cursor) intervals.push({ begin: cursor, end: begin, text: '' });
    intervals.push({ begin, end, text: singleLineText(fragment.lines).replace(/"/g, '""') });
    cursor = end;
    previousId = fragment.id;
  }
  const xmax = pythonSeconds(cursor);
  const out = [
    'File type = "ooTextFile"',
    'Object class = "TextGrid"',
    '',
    'xmin = 0.0',
    `xmax = ${xmax}`,
    'tiers? <exists>',
    'size = 1',
    'item []:',
    '\titem [1]:',
    '\t\tclass = "IntervalTier"',
    '\t\tname = "Token"',
    '\t\txmin = 0.0',
    `\t\txmax = ${xmax}`,
    `\t\tintervals: size = ${intervals.length}`,
  ];
  intervals.forEach((interval, i) => {
    out.push(
      `\t\tintervals [${i + 1}]:`,
      `\t\t\txmin = ${pythonSeconds(interval.begin)}`,
      `\t\t\txmax = ${pythonSeconds(interval.end)}`,
      `\t\t\ttext = "${interval.text}"`,
    );
  });
  return out.join('\n');
}
