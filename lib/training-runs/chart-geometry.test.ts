import { describe, expect, it } from 'vitest';
import { chartGeometry, niceTicks } from './chart-geometry.ts';

const box = { width: 120, height: 70, left: 10, right: 10, top: 5, bottom: 15 };

describe('chart geometry', () => {
  it('picks 1-2-5 ticks', () => {
    expect(niceTicks(0, 100, 5)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(0, 7, 5)).toEqual([0, 2, 4, 6]);
    expect(niceTicks(0.1, 0.45, 4)).toEqual([0.1, 0.2, 0.3, 0.4]);
    expect(niceTicks(3, 3)).toEqual([3]);
  });

  it('maps steps to x over [0, xMax] and values to y with the largest at the top', () => {
    const g = chartGeometry([{ x: 0, y: 1 }, { x: 50, y: 2 }, { x: 100, y: 3 }], box, { xMax: 100 });
    expect(g.log).toBe(false);
    expect(g.path).toBe('M10,55 L60,30 L110,5');
    expect(g.xTicks[0]).toEqual({ at: 10, label: '0' });
    expect(g.xTicks.at(-1)).toEqual({ at: 110, label: '100' });
    // xMax leaves room for the steps still to come
    expect(chartGeometry([{ x: 10, y: 1 }, { x: 20, y: 2 }], box, { xMax: 40 }).dots.map((d) => d.cx)).toEqual([35, 60]);
  });

  it('uses a log scale for a loss that falls by more than 20×, with decade ticks', () => {
    const g = chartGeometry([{ x: 1, y: 30 }, { x: 2, y: 3 }, { x: 3, y: 0.3 }], box);
    expect(g.log).toBe(true);
    expect(g.dots.map((d) => d.cy)).toEqual([5, 30, 55]);
    expect(g.yTicks.map((t) => t.label)).toEqual(expect.arrayContaining(['0.5', '1', '2', '5', '10', '20']));
  });

  it('draws a flat series in the middle and ignores non-finite values', () => {
    const g = chartGeometry([{ x: 1, y: 2 }, { x: 2, y: 2 }, { x: 3, y: Number.NaN }], box, { xMax: 2 });
    expect(g.dots.map((d) => d.cy)).toEqual([30, 30]);
    expect(chartGeometry([], box).path).toBe('');
  });
});
