// Book.splitStarts, the proposed split, as stored (JSON): { starts, end } — starts[i] the first paragraph of part i
// (part 1 may start after front matter), end the paragraph after the last part (before back matter; the
// paragraph count when none is left out). Rows written before `end` existed hold the bare starts array.
import { z } from 'zod';

export type BookSplit = { starts: number[]; end: number };

const stored = z.union([
  z.array(z.number().int()),
  z.object({ starts: z.array(z.number().int()), end: z.number().int() }),
]);

/** The stored split of a book whose ebook has `paragraphCount` paragraphs. */
export function parseBookSplit(json: string, paragraphCount: number): BookSplit {
  const value = stored.parse(JSON.parse(json));
  return Array.isArray(value) ? { starts: value, end: paragraphCount } : value;
}

export function stringifyBookSplit(split: BookSplit): string {
  return JSON.stringify({ starts: split.starts, end: split.end });
}
