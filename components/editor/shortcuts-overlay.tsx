'use client';
// The "?" overlay: every keyboard shortcut of the editor, rendered from the table the key handler matches
// against (lib/review/editor-shortcuts.ts).
import { useEffect, useRef } from 'react';
import { EDITOR_SHORTCUTS } from '@/lib/review/editor-shortcuts.ts';

export function ShortcutsOverlay({
  onClose,
  approveAndNext,
}: {
  onClose: () => void;
  /** The setting A follows (shown with the shortcuts it changes). */
  approveAndNext: { on: boolean; set: (on: boolean) => void };
}) {
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => closeRef.current?.focus(), []);
  return (
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-slate-900/40" onClick={onClose}>
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcuts-title"
        className="max-h-[90vh] w-full max-w-2xl overflow-y-auto rounded-lg bg-white p-5 shadow-xl"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Escape' || e.key === '?') onClose();
        }}
      >
        <h2 id="shortcuts-title" className="mb-3 text-lg font-semibold">
          Keyboard shortcuts
        </h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          {EDITOR_SHORTCUTS.map(({ keys: k, help: v }) => (
            <div key={k} className="contents">
              <dt>
                <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 font-mono text-xs">{k}</kbd>
              </dt>
              <dd className="text-slate-700">{v}</dd>
            </div>
          ))}
        </dl>
        <h3 className="mb-1 mt-4 text-sm font-semibold">Settings</h3>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" checked={approveAndNext.on} onChange={(e) => approveAndNext.set(e.target.checked)} />
          A approves and goes on to the next paragraph to review (off: A approves and stays)
        </label>
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
