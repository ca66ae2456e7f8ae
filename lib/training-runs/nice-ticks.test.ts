import { describe, expect, it } from 'vitest';
import { createRandom } from '../model/seeded-random.ts';
import { chartGeometry } from './chart-geometry.ts';
import { niceLogTicks, niceStep, niceTicks } from './nice-ticks.ts';

describe('niceTicks', () => {
  it('steps by 1, 2 or 5 × 10^k and widens the domain to the ticks around the data', () => {
    expect(niceStep(0.07)).toBe(0.1);
    expect(niceStep(150)).toBe(200);
    expect(niceStep(3)).toBe(5);
    expect(niceStep(5)).toBe(5);
    expect(niceTicks(0, 100, 5)).toEqual({ lo: 0, hi: 100, ticks: [0, 20, 40, 60, 80, 100], labels: ['0', '20', '40', '60', '80', '100'] });
    // the zigzag (a loss between 200 and 900): labels in order, the highest above the data
    expect(niceTicks(213, 852, 4)).toEqual({ lo: 200, hi: 1000, ticks: [200, 400, 600, 800, 1000], labels: ['200', '400', '600', '800', '1000'] });
    expect(niceTicks(0.13, 0.46, 4).ticks).toEqual([0.1, 0.2, 0.3, 0.4, 0.5]);
  });

  it('labels every tick with the decimals of its step, without float noise', () => {
    expect(niceTicks(0, 1.4, 3).labels).toEqual(['0.0', '0.5', '1.0', '1.5']);
    expect(niceTicks(0.1, 0.7, 6)).toMatchObject({ ticks: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7], labels: ['0.1', '0.2', '0.3', '0.4', '0.5', '0.6', '0.7'] });
    expect(niceTicks(-3, 3, 3).labels).toEqual(['-4', '-2', '0', '2', '4']);
    expect(niceTicks(0.00012, 0.00049, 4).labels).toEqual(['0.0001', '0.0002', '0.0003', '0.0004', '0.0005']);
  });

  it('gives a single value a small interval around it, and survives non-finite input', () => {
    expect(niceTicks(3, 3, 4)).toEqual({ lo: 2.6, hi: 3.4, ticks: [2.6, 2.8, 3, 3.2, 3.4], labels: ['2.6', '2.8', '3.0', '3.2', '3.4'] });
    expect(niceTicks(0, 0, 4)).toMatchObject({ lo: -1, hi: 1 });
    expect(niceTicks(Number.NaN, 1).ticks).toEqual([0, 1]);
  });

  it('on a log axis: 1-2-5 per decade around the data, only decades over more than three', () => {
    expect(niceLogTicks(0.3, 30)).toMatchObject({ lo: 0.2, hi: 50, labels: ['0.2', '0.5', '1', '2', '5', '10', '20', '50'] });
    expect(niceLogTicks(0.004, 900).labels).toEqual(['0.001', '0.01', '0.1', '1', '10', '100', '1000']);
    expect(niceLogTicks(2, 2).labels).toEqual(['2']);
  });

  it('never draws a larger label below a smaller one, and every value lies between the outer labels (random series)', () => {
    const rng = createRandom(11);
    const box = { width: 560, height: 200, left: 44, right: 12, top: 10, bottom: 26 };
    for (let trial = 0; trial < 300; trial++) {
      const scale = 10 ** Math.floor(rng.next() * 8 - 4);
      const base = rng.next() * 1000 * scale;
      const ys = Array.from({ length: 2 + Math.floor(rng.next() * 50) }, () => base + rng.next() * (trial % 3 === 0 ? 100 : 1) * base + scale * rng.next());
      const g = chartGeometry(ys.map((y, i) => ({ x: i + 1, y })), box, { yZero: trial % 5 === 0 });
      const values = g.yTicks.map((t) => Number(t.label));
      expect(values.every(Number.isFinite)).toBe(true);
      expect(new Set(g.yTicks.map((t) => t.label)).size).toBe(g.yTicks.length); // no two ticks with one label
      for (let i = 1; i < g.yTicks.length; i++) {
        expect(values[i]!).toBeGreaterThan(values[i - 1]!);
        expect(g.yTicks[i]!.at).toBeLessThan(g.yTicks[i - 1]!.at); // higher value, higher on the chart
      }
      expect(g.yTicks[0]!.at).toBeCloseTo(box.height - box.bottom, 0); // the lowest label at the bottom of the plot
      expect(g.yTicks.at(-1)!.at).toBeCloseTo(box.top, 0); // the highest at its top
      for (const d of g.dots) {
        expect(d.cy).toBeGreaterThanOrEqual(box.top - 0.1);
        expect(d.cy).toBeLessThanOrEqual(box.height - box.bottom + 0.1);
      }
    }
  });
});
