/** Lines of a text file: BOM dropped, CRLF / CR / LF all end a line. Line i of the result is line i + 1 of the file. */
export function splitTextLines(text: string): string[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return body.split(/\r\n|\r|\n/);
}
