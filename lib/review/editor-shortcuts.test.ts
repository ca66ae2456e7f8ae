import { describe, expect, it } from 'vitest';
import { EDITOR_SHORTCUTS, matchShortcut, type KeyLike } from './editor-shortcuts.ts';

const press = (key: string, over: Partial<KeyLike> = {}): KeyLike => ({ key, code: '', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...over });

describe('matchShortcut', () => {
  it('letters with or without Shift, space, symbols', () => {
    expect(matchShortcut(press('a'))).toEqual({ action: 'approve' });
    expect(matchShortcut(press('A', { shiftKey: true }))).toEqual({ action: 'approve' });
    expect(matchShortcut(press(' '))).toEqual({ action: 'togglePlay' });
    expect(matchShortcut(press('?', { shiftKey: true }))).toEqual({ action: 'help' });
    expect(matchShortcut(press('='))).toEqual({ action: 'zoomIn' });
    expect(matchShortcut(press('v'))).toEqual({ action: 'toggleLevel' });
    expect(matchShortcut(press('x'))).toBeNull();
  });

  it('Ctrl/⌘ bindings only with the modifier, and plain keys never with it', () => {
    expect(matchShortcut(press('z', { ctrlKey: true }))).toEqual({ action: 'undo' });
    expect(matchShortcut(press('Z', { metaKey: true, shiftKey: true }))).toEqual({ action: 'redo' });
    expect(matchShortcut(press('y', { ctrlKey: true }))).toEqual({ action: 'redo' });
    expect(matchShortcut(press('l', { ctrlKey: true }))).toEqual({ action: 'toggleLock' });
    expect(matchShortcut(press('l'))).toEqual({ action: 'toggleLoop' });
    expect(matchShortcut(press('a', { ctrlKey: true }))).toBeNull();
    expect(matchShortcut(press('z'))).toBeNull();
  });

  it('Alt only nudges: brackets by code (any layout), Shift 100 ms, Alt earlier', () => {
    expect(matchShortcut(press('[', { code: 'BracketLeft' }))).toEqual({ action: 'nudgeBegin', amount: 0.01 });
    expect(matchShortcut(press('}', { code: 'BracketRight', shiftKey: true }))).toEqual({ action: 'nudgeEnd', amount: 0.1 });
    expect(matchShortcut(press('“', { code: 'BracketLeft', altKey: true }))).toEqual({ action: 'nudgeBegin', amount: -0.01 });
    expect(matchShortcut(press('a', { altKey: true }))).toBeNull();
    expect(matchShortcut(press('[', { code: 'BracketLeft', ctrlKey: true }))).toBeNull();
  });

  it('no key is bound twice; every row the overlay shows has keys and help', () => {
    const keys = EDITOR_SHORTCUTS.flatMap((s) => s.bindings.map((b) => `${b.mod ? 'mod+' : ''}${b.shift === undefined ? '' : `shift=${b.shift}+`}${b.key ?? b.code}`));
    expect(new Set(keys).size).toBe(keys.length);
    expect(EDITOR_SHORTCUTS.every((s) => s.keys && s.help)).toBe(true);
    const rows = EDITOR_SHORTCUTS.filter((s) => s.bindings.some((b) => b.action === 'toggleLevel'));
    expect(rows.map((r) => r.keys)).toEqual(['V']);
  });
});
