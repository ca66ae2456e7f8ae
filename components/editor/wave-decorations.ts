'use client';
// How the editor's regions look on the waveform (DOM only, no state): test ids, labels for screen readers, the
// caption (number and first words, cut to the region's width), the low-confidence hatching, the selected outline,
// the boundaries (a thin line with a wide invisible grab area), locked anchors and dashed sentence boundaries,
// and the re-alignment preview's dashed lines.
import type { Region } from 'wavesurfer.js/plugins/regions';
import type { BoundaryEdge } from '@/lib/review/move-boundary.ts';
import { regionCaption } from '@/lib/review/region-caption.ts';
import type { WaveRegion } from '@/lib/review/wave-regions.ts';

/** A boundary's grab area, in pixels: each edge's handle is this wide (invisible), its line thin. */
export const GRAB_PX = 12;
/** How far a handle reaches past its region's edge: an end handle covers [b - 10, b + 2] px around its boundary
 * b, the next region's start handle [b - 2, b + 10], so the two overlap only over 4 px in the middle. */
const GRAB_OUT_PX = 2;
/** The boundary's drawn line, in pixels (a locked anchor's is wider). */
export const LINE_PX = 1.5;
const LOCKED_LINE_PX = 3;
const LINE_COLOR = '#475569';
const LOCKED_COLOR = '#d97706';
const INNER_COLOR = 'rgba(51,65,85,0.75)';

/** Region ids of the re-alignment preview's lines (never a fragment's). */
export const GHOST_PREFIX = 'ghost:';

/** The boundary edge a region handle side stands for. */
export function edgeOf(side: string | undefined): BoundaryEdge | null {
  return side === 'start' ? 'begin' : side === 'end' ? 'end' : null;
}

/** The region's caption for its width at `pxPerSec` (hidden when too narrow). */
export function caption(region: Region, spec: WaveRegion, pxPerSec: number): void {
  const el = region.element;
  if (!el || !spec.caption) return;
  let label = el.querySelector<HTMLElement>(':scope > [data-caption]');
  if (!label) {
    label = document.createElement('span');
    label.dataset.caption = '';
    label.setAttribute('aria-hidden', 'true');
    Object.assign(label.style, {
      position: 'absolute',
      top: '2px',
      left: `${GRAB_PX - GRAB_OUT_PX - 6}px`,
      maxWidth: `calc(100% - ${GRAB_PX - 2}px)`,
      padding: '0 3px',
      borderRadius: '2px',
      background: 'rgba(255,255,255,0.8)',
      color: '#1e293b',
      font: '500 11px/14px ui-sans-serif, system-ui, sans-serif',
      whiteSpace: 'nowrap',
      overflow: 'hidden',
      textOverflow: 'ellipsis',
      pointerEvents: 'none',
      zIndex: '1',
    } satisfies Partial<CSSStyleDeclaration>);
    el.appendChild(label);
  }
  label.dataset.testid = `wave-caption-${spec.id}`;
  const text = regionCaption(spec.caption.num, spec.caption.text, (spec.end - spec.start) * pxPerSec);
  if (label.textContent !== text) label.textContent = text;
  label.style.display = text ? '' : 'none';
}

/** A handle's look: an invisible grab area GRAB_PX wide straddling the edge, and a line drawn exactly on it. */
function styleHandle(handle: HTMLElement, edge: 'start' | 'end', look: { locked: boolean; inner: boolean }) {
  const line = look.locked ? LOCKED_LINE_PX : LINE_PX;
  // where the boundary is inside the handle, in px from the handle's left
  const at = edge === 'start' ? GRAB_OUT_PX : GRAB_PX - GRAB_OUT_PX;
  const hidden = look.inner && !look.locked && edge === 'end'; // the next sentence's start handle draws it
  const color = look.locked ? LOCKED_COLOR : look.inner ? INNER_COLOR : LINE_COLOR;
  const image = hidden
    ? 'none'
    : look.inner && !look.locked
      ? `repeating-linear-gradient(to bottom, ${color} 0 4px, transparent 4px 7px)`
      : `linear-gradient(${color}, ${color})`;
  Object.assign(handle.style, {
    width: `${GRAB_PX}px`,
    [edge === 'start' ? 'left' : 'right']: `${-GRAB_OUT_PX}px`,
    border: 'none',
    borderRadius: '0',
    backgroundColor: 'transparent',
    backgroundImage: image,
    backgroundRepeat: 'no-repeat',
    backgroundSize: `${line}px 100%`,
    backgroundPosition: `${at - line / 2}px 0`,
    cursor: look.locked ? 'not-allowed' : 'ew-resize',
  } satisfies Partial<CSSStyleDeclaration>);
}

export function decorate(region: Region, spec: WaveRegion, pxPerSec: number): void {
  const el = region.element;
  if (!el) return;
  caption(region, spec, pxPerSec);
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
    // A locked anchor: a wider amber line. A sentence boundary: one dashed line (the next sentence's start
    // handle draws it; the end handle before it stays draggable but unseen).
    styleHandle(handle, edge, { locked, inner: inner ?? false });
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
    old.caption?.num !== spec.caption?.num ||
    old.caption?.text !== spec.caption?.text ||
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
