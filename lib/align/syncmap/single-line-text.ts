/** A fragment's text on one line, as aeneas' `TextFragment.text` gives it: lines joined with a space. */
export function singleLineText(lines: readonly string[]): string {
  return lines.join(' ').replace(/\r\n|\r|\n/g, ' ');
}
