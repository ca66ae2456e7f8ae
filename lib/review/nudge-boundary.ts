import { moveBoundary, type BoundaryEdge, type MoveBoundaryOptions, type Region } from './move-boundary.ts';

/**
 * Moves an edge by `deltaSec` (keyboard: ±0.01 s, ±0.1 s with a modifier) under the same rules as moveBoundary.
 * Never snaps: a nudge next to a pause centre would otherwise jump back onto it.
 */
export function nudgeBoundary<R extends Region>(
  regions: readonly R[],
  index: number,
  edge: BoundaryEdge,
  deltaSec: number,
  opts: MoveBoundaryOptions,
): R[] {
  const r = regions[index];
  if (!r) throw new RangeError(`nudgeBoundary: no region at index ${index} (of ${regions.length})`);
  return moveBoundary(regions, index, edge, r[edge] + deltaSec, { ...opts, snapTo: undefined });
}
