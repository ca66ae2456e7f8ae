/**
 * Percentiles of `values` over a window of ±`half` frames around every frame: computed at the centre of every block
 * of `block` frames from a histogram (`bins` bins over the values' range) that slides with the window, each frame
 * entering and leaving it once, then interpolated linearly between block centres. O(n + blocks × bins) time, one
 * Float32Array of n per percentile. At the ends of the input the window is cut short.
 */
export function slidingPercentiles(values: Float32Array, half: number, percents: number[], opts: { block?: number; bins?: number } = {}): Float32Array[] {
  const n = values.length;
  const block = Math.max(1, Math.round(opts.block ?? 100));
  const bins = Math.max(2, Math.round(opts.bins ?? 1400));
  const out = percents.map(() => new Float32Array(n));
  if (n === 0) return out;
  let min = Infinity;
  let max = -Infinity;
  for (let f = 0; f < n; f++) {
    const v = values[f]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const width = max > min ? (max - min) / bins : 1;
  const bin = (f: number) => Math.min(bins - 1, Math.max(0, Math.floor((values[f]! - min) / width)));
  const hist = new Uint32Array(bins);
  let from = 0; // the window is [from, to)
  let to = 0;
  const centres: number[] = [];
  const rows: number[][] = [];
  for (let c = Math.min(n - 1, block >> 1); ; c += block) {
    const centre = Math.min(c, n - 1);
    for (const b = Math.min(n, centre + half + 1); to < b; to++) hist[bin(to)]!++;
    for (const a = Math.max(0, centre - half); from < a; from++) hist[bin(from)]!--;
    const count = to - from;
    rows.push(
      percents.map((p) => {
        // the value at rank ⌈p % of the window⌉, to the bin (the lower edge of its bin)
        const target = (p / 100) * count;
        let seen = 0;
        for (let k = 0; k < bins; k++) {
          seen += hist[k]!;
          if (seen >= target) return min + k * width;
        }
        return max;
      }),
    );
    centres.push(centre);
    if (centre === n - 1) break;
  }
  let k = 0;
  for (let f = 0; f < n; f++) {
    while (k + 1 < centres.length && centres[k + 1]! <= f) k++;
    const c0 = centres[k]!;
    const c1 = centres[k + 1];
    for (let q = 0; q < percents.length; q++) {
      const v0 = rows[k]![q]!;
      out[q]![f] = c1 === undefined || f <= c0 ? v0 : v0 + ((rows[k + 1]![q]! - v0) * (f - c0)) / (c1 - c0);
    }
  }
  return out;
}
