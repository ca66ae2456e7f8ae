// Reads a Praat TextGrid in the long or the short text format. Both carry the same sequence of numbers, strings
// and <exists> flags; the long format only adds labels ("xmin =", "intervals [3]:"), which are skipped. The first
// IntervalTier becomes the fragments; its empty intervals (gaps, silences) are dropped. Ids are f000001 … by
// position among the kept intervals.
import { fragmentId } from './fragment-id.ts';
import { syncMapError } from './syncmap-error.ts';
import type { SyncFragment, SyncMap } from './syncmap-types.ts';

type Token = { kind: 'number'; value: number; line: number } | { kind: 'string' | 'flag'; value: string; line: number };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const ch = text.charAt(i);
    if (ch === '\n') {
      line++;
      i++;
    } else if (ch === '"') {
      // Praat strings double their quotes and may span lines.
      const start = line;
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) throw syncMapError('textgrid', start, 'a quoted text is not closed.');
        const c = text.charAt(i);
        if (c === '"') {
          if (text.charAt(i + 1) === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === '\n') line++;
        value += c;
        i++;
      }
      tokens.push({ kind: 'string', value, line: start });
    } else if (ch === '<') {
      const end = text.indexOf('>', i);
      if (end < 0) throw syncMapError('textgrid', line, 'a "<" flag such as <exists> is not closed.');
      tokens.push({ kind: 'flag', value: text.slice(i + 1, end), line });
      i = end + 1;
    } else if (ch === '[') {
      const end = text.indexOf(']', i); // "item [1]:", "intervals [3]:" are labels
      i = end < 0 ? text.length : end + 1;
    } else if (ch === '!') {
      const end = text.indexOf('\n', i); // Praat comment to the end of the line
      i = end < 0 ? text.length : end;
    } else {
      const word = /^[A-Za-z_][\w?]*/.exec(text.slice(i, i + 64));
      const number = word ? null : /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/.exec(text.slice(i, i + 64));
      if (number) tokens.push({ kind: 'number', value: Number(number[0]), line });
      i += word ? word[0].length : number ? number[0].length : 1;
    }
  }
  return tokens;
}

export function readTextGrid(text: string): SyncMap {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') throw syncMapError('textgrid', 1, 'the file is empty.');
  const tokens = tokenize(body);
  let next = 0;
  const lastLine = tokens.at(-1)?.line ?? 1;
  const take = (kind: Token['kind'], what: string): Token => {
    const token = tokens[next];
    if (!token) throw syncMapError('textgrid', lastLine, `the file ends where ${what} was expected; is it cut short?`);
    if (token.kind !== kind) {
      throw syncMapError('textgrid', token.line, `expected ${what}, found ${token.kind === 'string' ? `"${token.value}"` : token.value}.`);
    }
    next++;
    return token;
  };
  const num = (what: string) => take('number', what).value as number;
  const str = (what: string) => take('string', what).value as string;

  const fileType = tokens[0];
  if (fileType?.kind !== 'string' || !String(fileType.value).startsWith('ooTextFile')) {
    throw syncMapError('textgrid', fileType?.line ?? 1, 'expected File type = "ooTextFile" (a Praat TextGrid saved as text).');
  }
  next = 1;
  if (str('Object class = "TextGrid"') !== 'TextGrid') {
    throw syncMapError('textgrid', tokens[1]?.line ?? 1, 'the object class is not "TextGrid".');
  }
  num('the TextGrid xmin');
  num('the TextGrid xmax');
  const tiersFlag = take('flag', 'tiers? <exists>');
  if (tiersFlag.value !== 'exists') return { fragments: [] };
  const tierCount = num('the number of tiers');

  for (let t = 0; t < tierCount; t++) {
    const tierClass = str('a tier class ("IntervalTier" or "TextTier")');
    str('a tier name');
    num('the tier xmin');
    num('the tier xmax');
    const size = num('the number of intervals or points');
    if (tierClass === 'IntervalTier') {
      const fragments: SyncFragment[] = [];
      for (let k = 0; k < size; k++) {
        const beginToken = take('number', `the xmin of interval ${k + 1}`);
        const begin = beginToken.value as number;
        const end = num(`the xmax of interval ${k + 1}`);
        const label = str(`the text of interval ${k + 1}`);
        if (end < begin) throw syncMapError('textgrid', beginToken.line, `interval ${k + 1} ends (${end}) before it begins (${begin}).`);
        const lines = label.split(/\r\n|\r|\n/).map((l) => l.trim()).filter((l) => l !== '');
        if (lines.length > 0) fragments.push({ id: fragmentId(fragments.length + 1), begin, end, lines });
      }
      return { fragments };
    }
    for (let k = 0; k < size; k++) {
      num(`the time of point ${k + 1}`);
      str(`the mark of point ${k + 1}`);
    }
  }
  throw syncMapError('textgrid', lastLine, 'the TextGrid has no IntervalTier; add one with the fragments.');
}
