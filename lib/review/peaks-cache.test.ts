import { describe, expect, it } from 'vitest';
import { buildFinePeaks, coarseSamplesPerPeak, FINE_SAMPLES_PER_PEAK, MAX_PEAKS, splicePeaks } from './peaks-cache.ts';

describe('peaks cache', () => {
  it('keeps short chapters at the fine resolution and long ones under MAX_PEAKS', () => {
    expect(coarseSamplesPerPeak(60)).toBe(FINE_SAMPLES_PER_PEAK);
    const spp = coarseSamplesPerPeak(3600);
    expect(spp % FINE_SAMPLES_PER_PEAK).toBe(0);
    expect((3600 * 16000) / spp).toBeLessThanOrEqual(MAX_PEAKS);
    expect((3600 * 16000) / (spp - FINE_SAMPLES_PER_PEAK)).toBeGreaterThan(MAX_PEAKS);
  });

  it('spreads coarse pairs over the fine buckets and splices fine pairs in place', () => {
    // 0.04 s of audio = 4 fine buckets; coarse = 2 buckets of 2 fine each
    const fine = buildFinePeaks([-0.5, 0.5, -0.25, 0.25], 320, 0.04);
    expect(Array.from(fine)).toEqual([-0.5, 0.5, -0.5, 0.5, -0.25, 0.25, -0.25, 0.25]);
    splicePeaks(fine, 0.01, [-1, 1, -0.75, 0.75, -0.125, 0.125]);
    expect(Array.from(fine)).toEqual([-0.5, 0.5, -1, 1, -0.75, 0.75, -0.125, 0.125]);
  });
});
