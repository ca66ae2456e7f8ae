// Shared reader of the two subtitle formats (SRT, WebVTT), following aeneas' smfgsubtitles.py: blocks of
// non-blank lines; an optional cue identifier line; a "begin --> end" line (anything after the end time, such as
// WebVTT cue settings, is ignored); then the text lines, trimmed.
import { fragmentId } from './fragment-id.ts';
import { splitTextLines } from './split-text-lines.ts';
import { syncMapError } from './syncmap-error.ts';
import { parseClock } from './syncmap-time.ts';
import type { SyncFragment, SyncMap } from './syncmap-types.ts';

type NumberedLine = { text: string; line: number };

const EXAMPLE: Record<'srt' | 'vtt', string> = {
  srt: '00:00:01,234 --> 00:00:02,345',
  vtt: '00:00:01.234 --> 00:00:02.345',
};

export function readSubtitleCues(
  format: 'srt' | 'vtt',
  text: string,
  decodeText: (line: string) => string = (line) => line,
): SyncMap {
  const lines: NumberedLine[] = splitTextLines(text).map((raw, i) => ({ text: raw.trim(), line: i + 1 }));
  if (lines.every((l) => l.text === '')) throw syncMapError(format, 1, 'the file is empty.');
  const blocks: NumberedLine[][] = [];
  let current: NumberedLine[] = [];
  for (const l of lines) {
    if (l.text !== '') current.push(l);
    else if (current.length > 0) {
      blocks.push(current);
      current = [];
    }
  }
  if (current.length > 0) blocks.push(current);

  if (format === 'vtt') {
    const header = blocks.shift();
    if (!header?.[0]?.text.startsWith('WEBVTT')) {
      throw syncMapError('vtt', header?.[0]?.line ?? 1, 'a WebVTT file must start with the line "WEBVTT".');
    }
  }

  const fragments: SyncFragment[] = [];
  for (const block of blocks) {
    const first = block[0];
    if (!first) continue;
    if (format === 'vtt' && /^(NOTE|STYLE|REGION)\b/.test(first.text)) continue;
    const hasIdentifier = !first.text.includes('-->');
    const timing = hasIdentifier ? block[1] : first;
    if (!timing || !timing.text.includes('-->')) {
      const at = timing ?? first;
      throw syncMapError(format, at.line, `expected a timing line like "${EXAMPLE[format]}", found "${at.text}".`);
    }
    const [beginText = '', rest = ''] = timing.text.split('-->');
    const begin = parseClock(beginText);
    const end = parseClock(rest.trim().split(/\s+/)[0] ?? '');
    if (begin === null || end === null) {
      throw syncMapError(format, timing.line, `cannot read the times in "${timing.text}"; expected "${EXAMPLE[format]}".`);
    }
    if (end < begin) throw syncMapError(format, timing.line, `the cue ends (${end}) before it begins (${begin}).`);
    // Cue numbers ("1", "2" …) are positions, not ids; a textual identifier is kept as the fragment id.
    const identifier = hasIdentifier ? first.text : '';
    const id = identifier !== '' && !/^\d+$/.test(identifier) ? identifier : fragmentId(fragments.length + 1);
    const textLines = block.slice(hasIdentifier ? 2 : 1).map((l) => decodeText(l.text));
    fragments.push({ id, begin, end, lines: textLines });
  }
  return { fragments };
}
