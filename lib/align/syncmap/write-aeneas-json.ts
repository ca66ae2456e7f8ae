// aeneas' JSON sync map, byte for byte as aeneas 1.7.3 writes it (SyncMap.json_string): Python
// json.dumps(indent=1, sort_keys=True), times as "%.3f" strings, no trailing newline. Python's default
// ensure_ascii=True applies, so "ñ" is written "\u00f1" (aeneas' own test maps show "\u2019").
import { dumpPythonJson, type PythonJsonValue } from './dump-python-json.ts';
import { formatFixed } from './syncmap-time.ts';
import type { SyncFragment, SyncMap } from './syncmap-types.ts';

function toJson(fragment: SyncFragment, defaultLanguage: string | null): PythonJsonValue {
  const language = fragment.language ?? defaultLanguage;
  return {
    begin: formatFixed(fragment.begin, 3),
    children: (fragment.children ?? []).map((child) => toJson(child, language)),
    end: formatFixed(fragment.end, 3),
    id: fragment.id,
    language,
    lines: [...fragment.lines],
  };
}

/** `language` is used for fragments that have none (aeneas writes null when it has no language). */
export function writeAeneasJson(map: SyncMap, opts: { language?: string } = {}): string {
  return dumpPythonJson({ fragments: map.fragments.map((f) => toJson(f, opts.language ?? null)) }, 1);
}
