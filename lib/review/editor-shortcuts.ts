// The editor's keyboard shortcuts: one table that both the key handler (matchShortcut) and the "?" overlay
// render from, so what the overlay lists is what the keys do. Pure: no DOM.

export type EditorAction =
  | 'togglePlay'
  | 'playFragment'
  | 'auditionBoundary'
  | 'toggleLoop'
  | 'previous'
  | 'next'
  | 'nextUnreviewed'
  | 'nudgeBegin'
  | 'nudgeEnd'
  | 'toggleLock'
  | 'approve'
  | 'reject'
  | 'toggleAttention'
  | 'editText'
  | 'split'
  | 'merge'
  | 'toggleLevel'
  | 'undo'
  | 'redo'
  | 'zoomIn'
  | 'zoomOut'
  | 'help';

/** `key`: KeyboardEvent.key, lower-cased (letters match with or without Shift); `code`: KeyboardEvent.code. */
export type KeyBinding = { action: EditorAction; key?: string; code?: string; mod?: boolean; shift?: boolean };

export type Shortcut = { keys: string; help: string; bindings: KeyBinding[] };

export const EDITOR_SHORTCUTS: readonly Shortcut[] = [
  { keys: 'Space', help: 'Play / pause', bindings: [{ action: 'togglePlay', key: ' ' }] },
  { keys: 'P', help: 'Play the current paragraph', bindings: [{ action: 'playFragment', key: 'p' }] },
  { keys: 'B', help: 'Audition the current boundary (1 s before to 1 s after)', bindings: [{ action: 'auditionBoundary', key: 'b' }] },
  { keys: 'L', help: 'Loop on / off', bindings: [{ action: 'toggleLoop', key: 'l' }] },
  { keys: 'J / K', help: 'Previous / next paragraph', bindings: [{ action: 'previous', key: 'j' }, { action: 'next', key: 'k' }] },
  {
    keys: 'N',
    help: 'Next unreviewed paragraph (worst confidence first; at the end, the next chapter to review)',
    bindings: [{ action: 'nextUnreviewed', key: 'n' }],
  },
  {
    keys: '[ / ]',
    help: 'Nudge the begin / end 10 ms later (Alt: earlier; Shift: 100 ms)',
    bindings: [{ action: 'nudgeBegin', code: 'BracketLeft' }, { action: 'nudgeEnd', code: 'BracketRight' }],
  },
  {
    keys: 'Drag an edge',
    help: 'Move a boundary (linked to the neighbour; hold Alt or Shift to move it alone; "Snap to pauses" pulls it to a nearby pause). At the sentence level an inner edge moves inside its paragraph; the first and last sentence edges move the paragraph',
    bindings: [],
  },
  {
    keys: 'V',
    help: 'Switch the waveform and the list between paragraphs and sentences',
    bindings: [{ action: 'toggleLevel', key: 'v' }],
  },
  {
    keys: 'Ctrl+L',
    help: 'Lock / unlock the current boundary as an anchor (the last moved edge, else the end)',
    bindings: [{ action: 'toggleLock', key: 'l', mod: true }],
  },
  {
    keys: 'A / R',
    help: 'Approve (and go on to the next paragraph to review, worst confidence first; a setting below makes A stay) / reject the paragraph',
    bindings: [{ action: 'approve', key: 'a' }, { action: 'reject', key: 'r' }],
  },
  { keys: 'F', help: 'Mark the paragraph for attention / clear the mark', bindings: [{ action: 'toggleAttention', key: 'f' }] },
  { keys: 'E', help: 'Edit the text (Enter saves, Shift+Enter new line, Escape leaves)', bindings: [{ action: 'editText', key: 'e' }] },
  { keys: 'S', help: 'Split at the play head and the text cursor', bindings: [{ action: 'split', key: 's' }] },
  { keys: 'M', help: 'Merge with the next paragraph', bindings: [{ action: 'merge', key: 'm' }] },
  {
    keys: 'Ctrl+Z / Ctrl+Shift+Z',
    help: 'Undo / redo',
    bindings: [
      { action: 'undo', key: 'z', mod: true, shift: false },
      { action: 'redo', key: 'z', mod: true, shift: true },
      { action: 'redo', key: 'y', mod: true },
    ],
  },
  {
    keys: '+ / −, Ctrl+wheel',
    help: 'Zoom in / out',
    bindings: [{ action: 'zoomIn', key: '+' }, { action: 'zoomIn', key: '=' }, { action: 'zoomOut', key: '-' }],
  },
  { keys: '?', help: 'Show / hide this list', bindings: [{ action: 'help', key: '?' }] },
];

export type KeyLike = { key: string; code: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean };

/**
 * The action a key press asks for, or null. With Ctrl/⌘ only the `mod` bindings match; Alt only goes with the
 * bracket keys (nudging earlier). A nudge's `amount` is in seconds: 10 ms later, Shift 100 ms, Alt earlier.
 */
export function matchShortcut(e: KeyLike, table: readonly Shortcut[] = EDITOR_SHORTCUTS): { action: EditorAction; amount?: number } | null {
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key === '?' ? '?' : e.key.toLowerCase();
  for (const { bindings } of table) {
    for (const b of bindings) {
      if (b.code !== undefined) {
        if (mod || b.code !== e.code) continue;
        return { action: b.action, amount: (e.shiftKey ? 0.1 : 0.01) * (e.altKey ? -1 : 1) };
      }
      if (Boolean(b.mod) !== mod || b.key !== key) continue;
      if (!mod && e.altKey) continue;
      if (b.shift !== undefined && b.shift !== e.shiftKey) continue;
      return { action: b.action };
    }
  }
  return null;
}
