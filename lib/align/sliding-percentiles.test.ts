import { describe, expect, it } from 'vitest';
import { slidingPercentiles } from './sliding-percentiles.ts';

/** The value at rank ⌈p % of the window⌉ of a sorted copy of the window: the exact answer the histogram bins. */
function bruteForce(values: Float32Array, half: number, p: number, f: number): number {
  const w = Array.from(values.subarray(Math.max(0, f - half), Math.min(values.length, f + half + 1))).sort((a, b) => a - b);
  return w[Math.max(0, Math.ceil((p / 100) * w.length) - 1)]!;
}

describe('slidingPercentiles', () => {
  it('gives each block centre the percentiles of its window, to the bin, and interpolates between centres', () => {
    let s = 5;
    const r = () => ((s = (s * 1103515245 + 12345) >>> 0) / 2 ** 32);
    // a level that steps up by 30 halfway, with noise on it
    const values = Float32Array.from({ length: 3000 }, (_, f) => (f < 1500 ? -60 : -30) + 10 * r());
    const bins = 1400;
    const width = (Math.max(...values) - Math.min(...values)) / bins;
    const [p10, p90] = slidingPercentiles(values, 400, [10, 90], { block: 100, bins });
    for (const centre of [50, 750, 1450, 1550, 2950]) {
      expect(Math.abs(p10![centre]! - bruteForce(values, 400, 10, centre))).toBeLessThanOrEqual(width + 1e-4);
      expect(Math.abs(p90![centre]! - bruteForce(values, 400, 90, centre))).toBeLessThanOrEqual(width + 1e-4);
    }
    // between two centres, on the straight line joining them
    expect(p10![1000]).toBeCloseTo((p10![950]! + p10![1050]!) / 2, 4);
    // the step shows within a window of it, and not further away
    expect(p10![500]).toBeLessThan(-55);
    expect(p10![2600]).toBeGreaterThan(-35);
  });

  it('gives a window wider than the input the whole input everywhere; an empty input nothing', () => {
    const values = Float32Array.from([3, 1, 4, 1, 5, 9, 2, 6, 5, 3]);
    const [median] = slidingPercentiles(values, 100, [50], { block: 3 });
    const first = median![0]!;
    expect(Array.from(median!).every((v) => v === first)).toBe(true);
    expect(first).toBeCloseTo(3, 1);
    expect(slidingPercentiles(new Float32Array(0), 10, [10, 90])).toEqual([new Float32Array(0), new Float32Array(0)]);
  });
});
