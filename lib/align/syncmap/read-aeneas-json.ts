// Reads aeneas' JSON sync map (what write-aeneas-json writes, and what aeneas writes). Times may be strings
// ("2.680", as aeneas writes them) or plain numbers. Nested `children` are kept.
import { parseJsonWithLines } from './parse-json-with-lines.ts';
import { syncMapError } from './syncmap-error.ts';
import { parseSeconds } from './syncmap-time.ts';
import type { SyncFragment, SyncMap } from './syncmap-types.ts';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function readAeneasJson(text: string): SyncMap {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') throw syncMapError('json', 1, 'the file is empty; expected {"fragments": [...]}.');
  const parsed = parseJsonWithLines(body);
  if (!parsed.ok) throw syncMapError('json', parsed.line, `${parsed.message}. The file is not valid JSON.`);
  const lineOf = (node: object) => parsed.lineOf(node) ?? 1;
  const root = parsed.value;
  if (!isRecord(root) || !Array.isArray(root.fragments)) {
    throw syncMapError('json', 1, 'expected an object with a "fragments" array, as aeneas writes it.');
  }

  const readTime = (raw: Record<string, unknown>, key: 'begin' | 'end', where: string): number => {
    const value = raw[key];
    const seconds =
      typeof value === 'number' && Number.isFinite(value) && value >= 0
        ? value
        : typeof value === 'string'
          ? parseSeconds(value)
          : null;
    if (seconds === null) {
      throw syncMapError('json', lineOf(raw), `${where} has no valid "${key}"; expected seconds like "${key}": "12.345".`);
    }
    return seconds;
  };

  const readFragments = (list: unknown[], path: string): SyncFragment[] =>
    list.map((raw, i) => {
      const label = `${path}${i + 1}`;
      if (!isRecord(raw)) throw syncMapError('json', lineOf(list), `fragment ${label} is not an object.`);
      const { id, lines, language, children } = raw;
      if (typeof id !== 'string' || id === '') {
        throw syncMapError('json', lineOf(raw), `fragment ${label} has no "id"; expected e.g. "id": "f000001".`);
      }
      const where = `fragment ${label} ("${id}")`;
      const begin = readTime(raw, 'begin', where);
      const end = readTime(raw, 'end', where);
      if (end < begin) throw syncMapError('json', lineOf(raw), `${where} ends (${end}) before it begins (${begin}).`);
      if (!Array.isArray(lines) || !lines.every((l): l is string => typeof l === 'string')) {
        throw syncMapError('json', lineOf(raw), `${where} needs "lines": a list of strings.`);
      }
      if (language !== undefined && language !== null && typeof language !== 'string') {
        throw syncMapError('json', lineOf(raw), `${where} has a "language" that is not a string.`);
      }
      if (children !== undefined && !Array.isArray(children)) {
        throw syncMapError('json', lineOf(raw), `${where} has "children" that is not a list.`);
      }
      const fragment: SyncFragment = { id, begin, end, lines: [...lines] };
      if (typeof language === 'string') fragment.language = language;
      if (children && children.length > 0) fragment.children = readFragments(children, `${label}.`);
      return fragment;
    });

  return { fragments: readFragments(root.fragments, '') };
}
