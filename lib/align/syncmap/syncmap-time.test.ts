import { describe, expect, it } from 'vitest';
import { formatClock, formatFixed, parseClock, parseSeconds, toMilliseconds } from './syncmap-time.ts';

describe('formatFixed (Python "%.Nf")', () => {
  it.each<[number, number, string]>([
    [2.68, 3, '2.680'],
    [0, 3, '0.000'],
    [0.0625, 3, '0.062'], // exact tie → even (toFixed would give 0.063)
    [0.1875, 3, '0.188'],
    [1.0005, 3, '1.000'], // binary value just below the tie
    [2.5, 0, '2'],
    [3.5, 0, '4'],
    [1.23449, 6, '1.234490'],
    [3725.1, 3, '3725.100'],
  ])('%d with %d decimals → %s', (value, digits, expected) => {
    expect(formatFixed(value, digits)).toBe(expected);
  });
});

describe('clock values', () => {
  it('formats HH:MM:SS.mmm from rounded milliseconds', () => {
    expect(formatClock(0, '.')).toBe('00:00:00.000');
    expect(formatClock(3725.1, ',')).toBe('01:02:05,100');
    expect(formatClock(59.9996, '.')).toBe('00:01:00.000');
    expect(formatClock(400000, '.')).toBe('111:06:40.000');
    expect(toMilliseconds(2.68)).toBe(2680);
  });

  it('parses clock values exactly and rejects malformed ones', () => {
    expect(parseClock('01:02:05,100')).toBe(3725.1);
    expect(parseClock('00:00:02.68')).toBe(2.68);
    expect(parseClock('02:05.5')).toBe(125.5);
    expect(parseClock('00:00:01.23456')).toBeCloseTo(1.23456, 10);
    for (const bad of ['', '1.5', '00:61:00.000', 'aa:bb:cc', '00:00:00.000x']) expect(parseClock(bad), bad).toBeNull();
    expect(parseSeconds(' 12.345 ')).toBe(12.345);
    for (const bad of ['-1', '1e3', '.5', '']) expect(parseSeconds(bad), bad).toBeNull();
  });
});
