'use client';
// The editor's one keyboard listener: each key press goes through the shortcut table (matchShortcut) to the
// latest handler of its action. Off while the reviewer types (text fields, selects) or while `paused` (the
// help overlay is open). `unlinkedRef` follows Alt/Shift, which make a drag move one edge alone.
import { useEffect, useRef, type RefObject } from 'react';
import { matchShortcut, type EditorAction } from '@/lib/review/editor-shortcuts.ts';

const TEXT_INPUTS = new Set(['text', 'number', 'search', 'email', 'url', 'tel', 'password']);

/** Shortcuts stay off while the reviewer types (text fields, selects); checkboxes and sliders keep them. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return true;
  return target instanceof HTMLInputElement && TEXT_INPUTS.has(target.type);
}

/** `amount`: a nudge's seconds (see matchShortcut). */
export type EditorActions = Record<EditorAction, (amount: number) => void>;

export function useEditorKeys(actions: EditorActions, opts: { paused: boolean; unlinkedRef: RefObject<boolean> }) {
  const latest = useRef({ actions, paused: opts.paused });
  useEffect(() => {
    latest.current = { actions, paused: opts.paused };
  });
  const { unlinkedRef } = opts;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      unlinkedRef.current = e.altKey || e.shiftKey;
      if (latest.current.paused || isTyping(e.target)) return; // the text field handles Enter and Escape itself
      const hit = matchShortcut(e);
      if (!hit) return;
      e.preventDefault();
      latest.current.actions[hit.action](hit.amount ?? 0);
    };
    const onModifiers = (e: KeyboardEvent | PointerEvent) => {
      unlinkedRef.current = e.altKey || e.shiftKey;
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('keyup', onModifiers);
    window.addEventListener('pointerdown', onModifiers, true);
    window.addEventListener('pointermove', onModifiers, true);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('keyup', onModifiers);
      window.removeEventListener('pointerdown', onModifiers, true);
      window.removeEventListener('pointermove', onModifiers, true);
    };
  }, [unlinkedRef]);
}
