import { describe, expect, it } from 'vitest';
import { pauseBand } from './pause-band.ts';

describe('pauseBand', () => {
  it('each pause as a span in percent of the duration, sorted', () => {
    expect(pauseBand([{ begin: 50, end: 60 }, { begin: 10, end: 20 }], 100)).toEqual([
      { leftPct: 10, widthPct: 10 },
      { leftPct: 50, widthPct: 10 },
    ]);
  });

  it('clamped to the audio; empty, reversed and non-finite pauses dropped; no duration, no band', () => {
    expect(pauseBand([{ begin: -5, end: 5 }, { begin: 95, end: 120 }, { begin: 30, end: 30 }, { begin: 40, end: 35 }, { begin: NaN, end: 3 }], 100)).toEqual([
      { leftPct: 0, widthPct: 5 },
      { leftPct: 95, widthPct: 5 },
    ]);
    expect(pauseBand([{ begin: 1, end: 2 }], 0)).toEqual([]);
  });

  it('overlapping and touching pauses merge into one span', () => {
    expect(pauseBand([{ begin: 10, end: 20 }, { begin: 15, end: 25 }, { begin: 25, end: 30 }, { begin: 40, end: 41 }], 100)).toEqual([
      { leftPct: 10, widthPct: 20 },
      { leftPct: 40, widthPct: 1 },
    ]);
  });

  it('a pause shorter than minSec is widened around its centre (still clamped), a longer one kept', () => {
    const band = pauseBand([{ begin: 10, end: 10.1 }, { begin: 0, end: 0.1 }, { begin: 50, end: 55 }], 100, 1);
    expect(band.map((s) => [Number(s.leftPct.toFixed(3)), Number(s.widthPct.toFixed(3))])).toEqual([
      [0, 0.55],
      [9.55, 1],
      [50, 5],
    ]);
  });
});
