/**
 * The text lines of a subtitle cue: a blank line would end the cue, so lines that are empty (or contain only
 * spaces) are dropped and embedded line breaks become separate lines. Readers trim lines, as aeneas does.
 */
export function subtitleTextLines(lines: readonly string[]): string[] {
  return lines.flatMap((line) => line.split(/\r\n|\r|\n/)).filter((line) => line.trim() !== '');
}
