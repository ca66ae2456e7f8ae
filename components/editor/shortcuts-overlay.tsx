'use client';
// The "?" overlay: every keyboard shortcut of the editor.
import { useEffect, useRef } from 'react';

export const SHORTCUTS: Array<[string, string]> = [
  ['Space', 'Play / pause'],
  ['P', 'Play the current paragraph'],
  ['B', 'Audition the current boundary (1 s before to 1 s after)'],
  ['L', 'Loop on / off'],
  ['J / K', 'Previous / next paragraph'],
  ['N', 'Next unreviewed paragraph (worst confidence first; at the end, the next chapter to review)'],
  ['[ / ]', 'Nudge the begin / end 10 ms later (Alt: earlier; Shift: 100 ms)'],
  ['Drag an edge', 'Move a boundary (linked to the neighbour; hold Alt or Shift to move it alone; "Snap to pauses" pulls it to a nearby pause)'],
  ['Ctrl+L', 'Lock / unlock the current boundary as an anchor (the last moved edge, else the end)'],
  ['A / R', 'Approve / reject the paragraph'],
  ['F', 'Mark the paragraph for attention / clear the mark'],
  ['E', 'Edit the text (Enter saves, Shift+Enter new line, Escape leaves)'],
  ['S', 'Split at the play head and the text cursor'],
  ['M', 'Merge with the next paragraph'],
  ['Ctrl+Z / Ctrl+Shift+Z', 'Undo / redo'],
  ['+ / −, Ctrl+wheel', 'Zoom in / out'],
  ['?', 'Show / hide this list'],
];

export function ShortcutsOverlay({ onClose }: { onClose: () => void }) {
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => closeRef.current?.focus(), []);
  return (
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-slate-900/40" onClick={onClose}>
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcuts-title"
        className="w-full max-w-lg rounded-lg bg-white p-5 shadow-xl"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Escape' || e.key === '?') onClose();
        }}
      >
        <h2 id="shortcuts-title" className="mb-3 text-lg font-semibold">
          Keyboard shortcuts
        </h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          {SHORTCUTS.map(([k, v]) => (
            <div key={k} className="contents">
              <dt>
                <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 font-mono text-xs">{k}</kbd>
              </dt>
              <dd className="text-slate-700">{v}</dd>
            </div>
          ))}
        </dl>
        <div className="mt-4 text-right">
          <button
            ref={closeRef}
            type="button"
            onClick={onClose}
            className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50"
          >
            Close
          </button>
        </div>
      </div>
    </div>
  );
}
