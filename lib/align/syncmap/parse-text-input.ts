// aeneas' text input types, turned into fragments to align (ids and lines, no times yet):
//   plain      one fragment per non-empty line, ids f000001 … (counting only non-empty lines)
//   parsed     "id|text" per line (aeneas' example7 layout); the id is before the first "|"
//   subtitles  blocks separated by blank lines; each block's lines are the fragment's lines
// Lines are trimmed, as aeneas trims them. Unlike aeneas, a malformed "parsed" line is an error, not silently skipped.
import { AppError } from '../../errors/app-error.ts';
import { fragmentId } from './fragment-id.ts';
import { splitTextLines } from './split-text-lines.ts';

export const TEXT_INPUT_TYPES = ['plain', 'parsed', 'subtitles'] as const;

export type TextInputType = (typeof TEXT_INPUT_TYPES)[number];

export type TextInputFragment = { id: string; lines: string[] };

function invalid(type: TextInputType, line: number, problem: string): AppError {
  return new AppError('INVALID_INPUT', `Text (${type}), line ${line}: ${problem}`, { type, line });
}

function parseParsed(lines: string[]): TextInputFragment[] {
  const fragments: TextInputFragment[] = [];
  const seen = new Map<string, number>();
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    const bar = line.indexOf('|');
    if (bar < 0) throw invalid('parsed', i + 1, `expected "id|text", found "${line}" (no "|").`);
    const id = line.slice(0, bar).trim();
    const text = line.slice(bar + 1).trim();
    if (id === '') throw invalid('parsed', i + 1, 'the id before "|" is empty.');
    if (text === '') throw invalid('parsed', i + 1, `fragment "${id}" has no text after "|".`);
    const earlier = seen.get(id);
    if (earlier !== undefined) throw invalid('parsed', i + 1, `the id "${id}" is already used on line ${earlier}; ids must be unique.`);
    seen.set(id, i + 1);
    fragments.push({ id, lines: [text] });
  });
  return fragments;
}

export function parseTextInput(text: string, type: TextInputType): TextInputFragment[] {
  const lines = splitTextLines(text);
  let fragments: TextInputFragment[];
  if (type === 'parsed') fragments = parseParsed(lines);
  else if (type === 'plain') {
    fragments = lines
      .map((l) => l.trim())
      .filter((l) => l !== '')
      .map((l, i) => ({ id: fragmentId(i + 1), lines: [l] }));
  } else {
    fragments = [];
    let block: string[] = [];
    for (const raw of [...lines, '']) {
      const line = raw.trim();
      if (line !== '') block.push(line);
      else if (block.length > 0) {
        fragments.push({ id: fragmentId(fragments.length + 1), lines: block });
        block = [];
      }
    }
  }
  if (fragments.length === 0) {
    throw new AppError('INVALID_INPUT', `The text (${type}) has no fragments: it is empty or only blank lines. Add the text to align.`, {
      type,
    });
  }
  return fragments;
}
