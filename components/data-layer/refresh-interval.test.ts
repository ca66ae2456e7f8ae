import { describe, expect, it } from 'vitest';
import { resolveRefreshInterval, whileActive } from './refresh-interval.ts';

type Runs = { runs: { status: string }[] };
const anyRunning = (d: Runs) => d.runs.some((r) => r.status === 'running');

describe('resolveRefreshInterval', () => {
  it('takes a fixed interval as it is, and absent as no polling', () => {
    expect(resolveRefreshInterval(700, undefined)).toBe(700);
    expect(resolveRefreshInterval<Runs>(undefined, { runs: [] })).toBe(0);
  });

  it('asks a function with the latest data', () => {
    const interval = whileActive(anyRunning, 1000, 4000);
    expect(resolveRefreshInterval(interval, { runs: [{ status: 'running' }] })).toBe(1000);
    expect(resolveRefreshInterval(interval, { runs: [{ status: 'succeeded' }] })).toBe(4000);
  });

  it('turns negative, NaN and infinite answers into no polling (SWR would spin or never fire)', () => {
    expect(resolveRefreshInterval(-5, undefined)).toBe(0);
    expect(resolveRefreshInterval(() => Number.NaN, undefined)).toBe(0);
    expect(resolveRefreshInterval(Number.POSITIVE_INFINITY, undefined)).toBe(0);
  });
});

describe('whileActive', () => {
  const interval = whileActive(anyRunning, 2000);

  it('polls while something is active and stops when it ends', () => {
    expect(interval({ runs: [{ status: 'succeeded' }, { status: 'running' }] })).toBe(2000);
    expect(interval({ runs: [{ status: 'succeeded' }, { status: 'failed' }] })).toBe(0);
    expect(interval({ runs: [] })).toBe(0);
  });

  it('counts no data yet (first load, or it failed) as idle: the first fetch and error retries are SWR’s', () => {
    expect(interval(undefined)).toBe(0);
    expect(whileActive(anyRunning, 1000, 4000)(undefined)).toBe(4000);
  });
});
