// Dragging a region edge in the editor. Pure: the component calls this on every pointer move and renders the
// result; saving goes through updateBoundary (linked) or updateFragment (unlinked).
import { snapToNearest } from './snap-to-nearest.ts';

export type Region = { id: string; begin: number; end: number };
export type BoundaryEdge = 'begin' | 'end';

export type MoveBoundaryOptions = {
  /** Move the touching neighbour's edge too (default true). The editor passes false while a modifier is held. */
  linked?: boolean;
  /** Audio duration in seconds: no edge goes outside [0, duration]. */
  duration: number;
  /** Shortest region, seconds (default 0.05). */
  minDuration?: number;
  /** Times to snap to (pause centres). */
  snapTo?: readonly number[];
  /** Snap radius in seconds (default 0.08). The UI converts a pixel radius with `px / pxPerSec`. */
  snapRadius?: number;
};

/** Two edges closer than this (seconds) are one shared boundary. */
export const LINK_TOLERANCE = 0.001;
export const DEFAULT_MIN_DURATION = 0.05;
export const DEFAULT_SNAP_RADIUS = 0.08;

/** Rounds to the microsecond so that repeated nudges do not accumulate float noise (0.1 + 0.2). */
export function roundTime(t: number): number {
  return Math.round(t * 1e6) / 1e6;
}

/**
 * The index of the neighbour whose edge touches `edge` of region `index` (within LINK_TOLERANCE), or null.
 * This is the region a linked drag moves too.
 */
export function linkedNeighbour(regions: readonly Region[], index: number, edge: BoundaryEdge): number | null {
  const r = regions[index];
  if (!r) return null;
  const j = edge === 'end' ? index + 1 : index - 1;
  const n = regions[j];
  if (!n) return null;
  const gap = edge === 'end' ? n.begin - r.end : r.begin - n.end;
  return Math.abs(gap) <= LINK_TOLERANCE ? j : null;
}

function clamp(t: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, t));
}

/**
 * Moves `edge` of region `index` to `time` (snapped first when `snapTo` is given) and returns new regions; the
 * input is not modified and unchanged regions keep their identity. The time is clamped, never refused: a region
 * keeps at least `minDuration`, never overlaps a neighbour and stays inside [0, duration]. Linked (the default),
 * a touching neighbour's edge moves along; unlinked, the edge moves alone, which opens a gap. Where the data
 * already breaks a rule (a region shorter than minDuration) the edge may stay but is never pushed backwards.
 */
export function moveBoundary<R extends Region>(
  regions: readonly R[],
  index: number,
  edge: BoundaryEdge,
  time: number,
  opts: MoveBoundaryOptions,
): R[] {
  const r = regions[index];
  if (!r) throw new RangeError(`moveBoundary: no region at index ${index} (of ${regions.length})`);
  if (!Number.isFinite(time)) return [...regions];
  const minDuration = opts.minDuration ?? DEFAULT_MIN_DURATION;
  const duration = Math.max(0, opts.duration);
  const linked = opts.linked ?? true;
  const target = opts.snapTo ? snapToNearest(time, opts.snapTo, opts.snapRadius ?? DEFAULT_SNAP_RADIUS) : time;
  const partnerIndex = linked ? linkedNeighbour(regions, index, edge) : null;
  const partner = partnerIndex === null ? undefined : regions[partnerIndex];

  let lo: number;
  let hi: number;
  if (edge === 'end') {
    const next = regions[index + 1];
    lo = Math.max(0, r.begin + minDuration);
    hi = partner ? partner.end - minDuration : Math.min(duration, next ? next.begin : duration);
    hi = Math.min(hi, duration);
  } else {
    const prev = regions[index - 1];
    lo = partner ? partner.begin + minDuration : Math.max(0, prev ? prev.end : 0);
    lo = Math.max(lo, 0);
    hi = Math.min(duration, r.end - minDuration);
  }
  // Data already tighter than the rules (a neighbour shorter than minDuration) must not push the edge away from
  // where it is: the allowed range always includes the current position.
  const current = r[edge];
  const t = roundTime(clamp(target, Math.min(lo, current), Math.max(hi, current)));

  const out = [...regions];
  out[index] = { ...r, [edge]: t };
  if (partner && partnerIndex !== null) {
    out[partnerIndex] = { ...partner, [edge === 'end' ? 'begin' : 'end']: t };
  }
  return out;
}
