// The expanders look only at a few words around each match. Slicing a window instead of the whole text keeps
// them linear on a book-length string. A sentinel letter stands for the cut-off text, so that an anchored
// pattern does not mistake the window's edge for the start or the end of the text.
const WINDOW = 300;

/** Up to WINDOW characters before `index`. */
export function textBefore(text: string, index: number): string {
  const start = Math.max(0, index - WINDOW);
  return (start > 0 ? 'x' : '') + text.slice(start, index);
}

/** Up to WINDOW characters from `index` on. */
export function textAfter(text: string, index: number): string {
  const end = Math.min(text.length, index + WINDOW);
  return text.slice(index, end) + (end < text.length ? 'x' : '');
}

/** Output built piece by piece whose last characters can be read cheaply (slicing a growing string is not). */
export class OutputBuffer {
  private readonly pieces: string[] = [];
  private recent = '';
  private length = 0;

  append(piece: string): void {
    this.pieces.push(piece);
    this.length += piece.length;
    this.recent = (this.recent + piece.slice(-WINDOW)).slice(-WINDOW);
  }

  /** The end of the output, as textBefore(output, output.length) would give it. */
  tail(): string {
    return (this.length > WINDOW ? 'x' : '') + this.recent;
  }

  toString(): string {
    return this.pieces.join('');
  }
}
