import { describe, expect, it } from 'vitest';
import { parseBookSplit, stringifyBookSplit } from './book-split.ts';

describe('book split (Book.splitStarts)', () => {
  it('round-trips starts and end; an older bare array ends with the text', () => {
    expect(parseBookSplit(stringifyBookSplit({ starts: [2, 5, 9], end: 11 }), 14)).toEqual({ starts: [2, 5, 9], end: 11 });
    expect(parseBookSplit('[0,5,9]', 14)).toEqual({ starts: [0, 5, 9], end: 14 });
    expect(() => parseBookSplit('{"starts":"x"}', 14)).toThrow();
  });
});
