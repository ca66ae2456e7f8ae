import { describe, expect, it } from 'vitest';
import { parseRange } from './parse-range.ts';

describe('parseRange', () => {
  it.each([
    [null, 100, null],
    ['bytes=0-9', 100, { start: 0, end: 9 }],
    ['bytes=90-', 100, { start: 90, end: 99 }],
    ['bytes=-10', 100, { start: 90, end: 99 }],
    ['bytes=50-500', 100, { start: 50, end: 99 }],
    ['bytes=100-', 100, { start: 100, end: 99 }],
  ] as const)('%s of %d bytes', (h, size, expected) => {
    expect(parseRange(h, size)).toEqual(expected);
  });
  it('refuses multiple ranges', () => {
    expect(() => parseRange('bytes=0-1,5-6', 100)).toThrow(/one byte range/);
  });
});
