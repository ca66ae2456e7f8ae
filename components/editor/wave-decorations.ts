'use client';
// How the editor's regions look on the waveform (DOM only, no state): test ids, labels for screen readers, the
// low-confidence hatching, the selected outline, locked anchors and dashed sentence boundaries, and the
// re-alignment preview's dashed lines.
import type { Region } from 'wavesurfer.js/plugins/regions';
import type { BoundaryEdge } from '@/lib/review/move-boundary.ts';
import type { WaveRegion } from '@/lib/review/wave-regions.ts';

/** Region ids of the re-alignment preview's lines (never a fragment's). */
export const GHOST_PREFIX = 'ghost:';

/** The boundary edge a region handle side stands for. */
export function edgeOf(side: string | undefined): BoundaryEdge | null {
  return side === 'start' ? 'begin' : side === 'end' ? 'end' : null;
}

export function decorate(region: Region, spec: WaveRegion): void {
  const el = region.element;
  if (!el) return;
  el.dataset.testid = `region-${spec.id}`;
  el.setAttribute('aria-label', `${spec.label ?? 'Paragraph'} region ${spec.start.toFixed(2)}–${spec.end.toFixed(2)} s`);
  el.style.backgroundImage = spec.lowConfidence
    ? 'repeating-linear-gradient(135deg, rgba(220,38,38,0.22) 0 4px, transparent 4px 10px)'
    : '';
  el.style.boxShadow = spec.selected ? 'inset 0 0 0 2px #4f46e5' : spec.lowConfidence ? 'inset 0 0 0 1px #dc2626' : '';
  const left = el.querySelector<HTMLElement>('[part*="region-handle-left"]');
  const right = el.querySelector<HTMLElement>('[part*="region-handle-right"]');
  for (const [handle, edge, locked, inner] of [[left, 'start', spec.lockedBegin, spec.innerBegin], [right, 'end', spec.lockedEnd, spec.innerEnd]] as const) {
    if (!handle) continue;
    handle.dataset.testid = `region-${edge}-${spec.id}`;
    handle.dataset.locked = locked ? 'true' : 'false';
    handle.title = locked ? 'Anchor (locked): unlock it to move it' : inner ? 'Sentence boundary' : '';
    // A locked anchor: a solid amber bar instead of the thin draggable handle. A sentence boundary: one dotted
    // line (the next sentence's start handle draws it; the end handle before it stays draggable but unseen).
    handle.style.borderColor = locked ? '#d97706' : inner ? (edge === 'end' ? 'transparent' : 'rgba(51,65,85,0.75)') : '';
    handle.style.borderWidth = locked ? '3px' : '';
    handle.style[edge === 'start' ? 'borderLeftStyle' : 'borderRightStyle'] = inner && !locked ? 'dashed' : '';
    handle.style.cursor = locked ? 'not-allowed' : '';
  }
}

/** Whether a region's look depends on something that changed between two specs. */
export function looksChanged(old: WaveRegion, spec: WaveRegion): boolean {
  return (
    old.start !== spec.start ||
    old.end !== spec.end ||
    old.selected !== spec.selected ||
    old.lowConfidence !== spec.lowConfidence ||
    old.lockedBegin !== spec.lockedBegin ||
    old.lockedEnd !== spec.lockedEnd ||
    old.label !== spec.label ||
    old.innerBegin !== spec.innerBegin ||
    old.innerEnd !== spec.innerEnd
  );
}

/** A proposed boundary (re-alignment preview): a dashed line, not interactive. */
export function decorateGhost(region: Region, t: number): void {
  const el = region.element;
  if (!el) return;
  el.dataset.testid = 'ghost-boundary';
  el.setAttribute('aria-label', `Proposed boundary ${t.toFixed(2)} s`);
  el.style.borderLeft = '2px dashed #7c3aed';
  el.style.pointerEvents = 'none';
}
