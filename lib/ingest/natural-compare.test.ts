import { describe, expect, it } from 'vitest';
import { naturalCompare } from './natural-compare.ts';

describe('naturalCompare', () => {
  it.each([
    [['x_10_a.mp3', 'x_2_a.mp3', 'x_1_a.mp3'], ['x_1_a.mp3', 'x_2_a.mp3', 'x_10_a.mp3']],
    [['capitan_00_alarcon_64kb.mp3', 'capitan_11_alarcon_64kb.mp3', 'capitan_02_alarcon_64kb.mp3'], ['capitan_00_alarcon_64kb.mp3', 'capitan_02_alarcon_64kb.mp3', 'capitan_11_alarcon_64kb.mp3']],
    [['B.mp3', 'a.mp3'], ['a.mp3', 'B.mp3']],
    [['part9.flac', 'part10.flac', 'Part1.flac'], ['Part1.flac', 'part9.flac', 'part10.flac']],
  ])('sorts %j', (input, expected) => {
    expect([...input].sort(naturalCompare)).toEqual(expected);
  });
});
