import { describe, expect, it } from 'vitest';
import { chartGeometry } from './chart-geometry.ts';

const box = { width: 120, height: 70, left: 10, right: 10, top: 5, bottom: 15 };

describe('chart geometry', () => {
  it('maps steps to x over [0, xMax] and values to y with the largest at the top', () => {
    const g = chartGeometry([{ x: 0, y: 1 }, { x: 50, y: 2 }, { x: 100, y: 3 }], box, { xMax: 100 });
    expect(g.log).toBe(false);
    expect(g.path).toBe('M10,55 L60,30 L110,5');
    expect(g.xTicks[0]).toEqual({ at: 10, label: '0' });
    expect(g.xTicks.at(-1)).toEqual({ at: 110, label: '100' });
    // xMax leaves room for the steps still to come
    expect(chartGeometry([{ x: 10, y: 1 }, { x: 20, y: 2 }], box, { xMax: 40 }).dots.map((d) => d.cx)).toEqual([35, 60]);
  });

  it('uses a log scale for a loss that falls by more than 20×, with 1-2-5 ticks framing it', () => {
    const g = chartGeometry([{ x: 1, y: 20 }, { x: 2, y: 2 }, { x: 3, y: 0.2 }], box);
    expect(g.log).toBe(true);
    expect(g.dots.map((d) => d.cy)).toEqual([5, 30, 55]);
    expect(g.yTicks.map((t) => t.label)).toEqual(['0.2', '0.5', '1', '2', '5', '10', '20']);
    expect(g.yTicks.map((t) => t.at)).toEqual([55, 45.1, 37.5, 30, 20.1, 12.5, 5]);
  });

  it('frames a linear series with its nice ticks: the lowest label at the bottom, the highest at the top', () => {
    const g = chartGeometry([{ x: 1, y: 852 }, { x: 2, y: 213 }, { x: 3, y: 500 }], box);
    expect(g.log).toBe(false);
    expect(g.yTicks).toEqual([{ at: 55, label: '200' }, { at: 42.5, label: '400' }, { at: 30, label: '600' }, { at: 17.5, label: '800' }, { at: 5, label: '1000' }]);
    expect(g.dots.map((d) => d.cy)).toEqual([14.3, 54.2, 36.3]);
  });

  it('draws a flat series in the middle and ignores non-finite values', () => {
    const g = chartGeometry([{ x: 1, y: 2 }, { x: 2, y: 2 }, { x: 3, y: Number.NaN }], box, { xMax: 2 });
    expect(g.dots.map((d) => d.cy)).toEqual([30, 30]);
    expect(chartGeometry([], box).path).toBe('');
  });
});
