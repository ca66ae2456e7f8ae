// The editor's pure region maths in one import for the waveform component. Each function lives in its own file.
export { moveBoundary, linkedNeighbour, roundTime, LINK_TOLERANCE, DEFAULT_MIN_DURATION, DEFAULT_SNAP_RADIUS } from './move-boundary.ts';
export type { Region, BoundaryEdge, MoveBoundaryOptions } from './move-boundary.ts';
export { nudgeBoundary } from './nudge-boundary.ts';
export { snapToNearest } from './snap-to-nearest.ts';
export { pxToTime, timeToPx } from './px-to-time.ts';
export type { Viewport } from './px-to-time.ts';
export { zoomAround, DEFAULT_ZOOM_LIMITS } from './zoom-around.ts';
export type { ZoomLimits } from './zoom-around.ts';
export { splitFragment } from './split-fragment.ts';
export type { TextRegion } from './split-fragment.ts';
export { joinFragments } from './join-fragments.ts';
